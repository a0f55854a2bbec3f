using ZoomQos.Client.Http;

namespace ZoomQos.Client.Tests;

public class ZoomIdsTests
{
    [Theory]
    [InlineData("/ajXp112QmuoKj4854875==", "%252FajXp112QmuoKj4854875%253D%253D")]
    [InlineData("ajXp//112QmuoKj485487==", "ajXp%252F%252F112QmuoKj485487%253D%253D")]
    [InlineData("w7fUhDMLSo25Lfvu/3I+cw==", "w7fUhDMLSo25Lfvu%2F3I%2Bcw%3D%3D")]
    [InlineData("81234567890", "81234567890")]
    public void Uuids_are_encoded_once_or_twice_as_the_contract_says(string id, string expected) => Assert.Equal(expected, ZoomIds.Encode(id));
}
