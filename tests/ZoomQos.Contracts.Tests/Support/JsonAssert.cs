using System.Text.Json.Nodes;

namespace ZoomQos.Contracts.Tests.Support;

/// <summary>JSON equality: same values, objects compared without regard to property order.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, string actualJson)
    {
        var actual = JsonNode.Parse(actualJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }
}
