using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Tests.Support;

namespace ZoomQos.Contracts.Tests.Qos;

public class ZoomErrorTests
{
    [Fact]
    public void A_validation_error_carries_its_fields()
    {
        const string Json = """{"code":300,"message":"Validation Failed.","errors":[{"field":"page_size","message":"Invalid field."}]}""";

        var error = JsonSerializer.Deserialize(Json, ZoomJsonContext.Default.ZoomError)!;

        Assert.Equal(300, error.Code);
        Assert.Equal(new ZoomFieldError("page_size", "Invalid field."), Assert.Single(error.Errors!));
        JsonAssert.Equal(JsonNode.Parse(Json), JsonSerializer.Serialize(error, ZoomJsonContext.Default.ZoomError));
    }

    [Fact]
    public void A_plain_error_is_written_without_an_errors_array() =>
        JsonAssert.Equal(
            JsonNode.Parse("""{"code":124,"message":"Invalid access token."}"""),
            JsonSerializer.Serialize(new ZoomError { Code = 124, Message = "Invalid access token." }, ZoomJsonContext.Default.ZoomError));
}
