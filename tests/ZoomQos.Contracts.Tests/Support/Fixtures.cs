using System.Text.Json.Nodes;

namespace ZoomQos.Contracts.Tests.Support;

/// <summary>Reads the JSON fixtures copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonNode Node(string name) => JsonNode.Parse(Text(name))!;
}
