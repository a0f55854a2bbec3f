using System.Text;
using System.Text.Json;
using ZoomQos.Client.Paging;

namespace ZoomQos.Client.Tests;

/// <summary>
/// The structural scan that cuts pages into sessions: where it says a value ends is where <see cref="Utf8JsonReader"/>
/// says, for values whose escapes and brackets-in-strings fall at every offset of its 32-byte blocks; and what it
/// refuses, it refuses with a <see cref="JsonException"/>.
/// </summary>
public class JsonScanTests
{
    [Fact]
    public void A_value_ends_where_the_json_reader_says_at_every_block_offset()
    {
        var random = new Random(19);
        for (var n = 0; n < 400; n++)
        {
            var value = Value(random, depth: 0);
            for (var pad = 0; pad < 33; pad += n % 2 == 0 ? 1 : 7)
            {
                var json = Encoding.UTF8.GetBytes(new string(' ', pad) + value + ",\"after\"}");
                Assert.Equal(pad + ReaderLength(Encoding.UTF8.GetBytes(value)), JsonScan.Value(json, pad));
            }
        }
    }

    [Theory]
    [InlineData("""{"a":"x\\"}""")] // an escaped backslash, then the closing quote: the string ends there
    [InlineData("""{"a":"\"}\""}""")] // an escaped quote and a bracket inside a string
    [InlineData("""["]", "[", {"}":"{"}]""")]
    public void Escapes_and_brackets_inside_strings_do_not_end_a_value(string value)
    {
        foreach (var pad in new[] { 0, 1, 25, 26, 27, 28, 29, 30, 31, 32 })
        {
            var json = Encoding.UTF8.GetBytes(new string(' ', pad) + value + " ]");
            Assert.Equal(pad + Encoding.UTF8.GetByteCount(value), JsonScan.Value(json, pad));
        }
    }

    [Theory]
    [InlineData("""{"a":[1,2}""", "does not close")]
    [InlineData("""{"a":"unterminated""", "ends inside")]
    [InlineData("""{"a":{"b":[1,2]}""", "ends inside")]
    [InlineData("""[1,\ 2]""", "backslash outside a string")]
    [InlineData("""tru, 1""", "is not a JSON value")] // a member's own value is checked; inside a container only strings and brackets are
    [InlineData("""{"a":1} """, "")] // well formed: the control
    public void Malformed_values_are_refused(string json, string says)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (says.Length == 0)
        {
            Assert.Equal(json.TrimEnd().Length, JsonScan.Value(bytes, 0));
            return;
        }

        var error = Assert.Throws<JsonException>(() => JsonScan.Value(bytes, 0));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_reader_allows_is_refused()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65));
        Assert.Contains("64 deep", Assert.Throws<JsonException>(() => JsonScan.Value(deep, 0)).Message, StringComparison.Ordinal);
        var allowed = Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64));
        Assert.Equal(allowed.Length, JsonScan.Value(allowed, 0));
    }

    [Fact]
    public void A_trailing_comma_or_a_missing_colon_in_an_object_is_refused()
    {
        Assert.Throws<JsonException>(() => Members("""{"a":1,}"""));
        Assert.Throws<JsonException>(() => Members("""{"a" 1}"""));
        Assert.Equal(["a", "b\\u0063"], Members("""{ "a" : 1 , "b\u0063" : [ ] }"""));
    }

    private static List<string> Members(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var names = new List<string>();
        var members = new JsonMembers(bytes, 0);
        while (members.Next())
        {
            names.Add(Encoding.UTF8.GetString(members.Name[1..^1]));
            members.SkipValue();
        }

        return names;
    }

    private static int ReaderLength(byte[] value)
    {
        var reader = new Utf8JsonReader(value);
        reader.Read();
        reader.Skip();
        return (int)reader.BytesConsumed;
    }

    // Random JSON, its strings dense with what a scan must not be fooled by.
    private static string Value(Random random, int depth)
    {
        var kind = depth > 4 ? random.Next(3) : random.Next(6);
        return kind switch
        {
            0 => Text(random),
            1 => random.Next(3) switch { 0 => "true", 1 => "null", _ => (random.NextDouble() * 1e6 - 5e5).ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
            2 => Text(random),
            3 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => Value(random, depth + 1))) + "]",
            _ => "{" + string.Join(", ", Enumerable.Range(0, random.Next(5)).Select(_ => Text(random) + ":" + Value(random, depth + 1))) + "}",
        };
    }

    private static string Text(Random random)
    {
        string[] parts = ["a", "126 ms", "\\\"", "\\\\", "{", "}", "[", "]", "\\u00e9", "é", ":", ","];
        return "\"" + string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => parts[random.Next(parts.Length)])) + "\"";
    }
}
