using ZoomQos.Server.Hosting;

namespace ZoomQos.Server.Tests;

public class RawPathTests
{
    [Theory]
    [InlineData("%252FajXp112QmuoKj4854875%253D%253D", "/ajXp112QmuoKj4854875==")]
    [InlineData("%2FajXp112QmuoKj4854875%3D%3D", "/ajXp112QmuoKj4854875==")]
    [InlineData("w7fUhDMLSo25Lfvu%2F3I%2Bcw%3D%3D", "w7fUhDMLSo25Lfvu/3I+cw==")]
    [InlineData("81234567890", "81234567890")]
    [InlineData("abc%zz", "abc%zz")]
    [InlineData("%25252F", "%2F")]
    public void A_segment_is_decoded_once_and_again_when_escapes_remain(string raw, string expected) =>
        Assert.Equal(expected, RawPath.Decode(raw));
}
