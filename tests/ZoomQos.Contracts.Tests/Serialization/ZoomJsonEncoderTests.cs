using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Contracts.Tests.Serialization;

/// <summary>The wire encoder escapes what JSON requires (RFC 8259 section 7) and nothing else.</summary>
public class ZoomJsonEncoderTests
{
    [Theory]
    [InlineData("This webinar's detail", "This webinar's detail")]
    [InlineData("w7fUhDMLSo25Lfvu/3I+cw==", "w7fUhDMLSo25Lfvu/3I+cw==")]
    [InlineData("<b>&amp;</b>", "<b>&amp;</b>")]
    [InlineData("São Paulo, Zürich, 東京", "São Paulo, Zürich, 東京")]
    [InlineData("Party 🎉 time", "Party 🎉 time")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("C:\\temp", "C:\\\\temp")]
    [InlineData("a\nb\tc\rd\be\ff", "a\\nb\\tc\\rd\\be\\ff")]
    [InlineData("\u0000\u001f\u007f\u2028", "\\u0000\\u001F\u007f\u2028")]
    public void Strings_are_written_with_only_what_json_requires_escaped(string value, string written)
    {
        var json = JsonSerializer.Serialize(new ZoomError { Code = 1, Message = value }, ZoomJsonContext.Wire.ZoomError);

        Assert.Equal($$"""{"code":1,"message":"{{written}}"}""", json);
        Assert.Equal(value, JsonSerializer.Deserialize(json, ZoomJsonContext.Default.ZoomError)!.Message);
    }

    [Fact]
    public void Invalid_utf8_and_lone_surrogates_become_the_replacement_character_so_the_output_stays_valid_json()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ZoomJsonContext.WireWriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteStringValue([(byte)'a', 0xC3, (byte)'b', 0xFF]);
            writer.WriteStringValue("x\uD800y");
            writer.WriteEndArray();
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Equal("[\"a\uFFFDb\uFFFD\",\"x\uFFFDy\"]", json);
        Assert.Equal(2, JsonDocument.Parse(buffer.ToArray()).RootElement.GetArrayLength());
    }

    [Fact]
    public void Any_string_round_trips_and_nothing_but_quote_backslash_and_controls_is_escaped()
    {
        Gen.String.Sample(value =>
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new ParticipantQos { UserName = value }, ZoomJsonContext.Wire.ParticipantQos);
            var back = JsonSerializer.Deserialize(bytes, ZoomJsonContext.Default.ParticipantQos)!.UserName;
            var clean = new string([.. value.Where(c => !char.IsSurrogate(c))]);
            if (clean.Length == value.Length)
            {
                Assert.Equal(value, back);
            }

            // One backslash per escape, two for an escaped backslash.
            var backslashes = Encoding.UTF8.GetString(bytes).Count(c => c == '\\');
            Assert.Equal(value.Count(c => c is < ' ' or '"') + (2 * value.Count(c => c == '\\')), backslashes);
        }, iter: 2_000);
    }

    [Fact]
    public void The_relaxed_encoder_of_the_framework_would_still_escape_an_emoji()
    {
        // Why the project has an encoder of its own (docs/decisions/0014).
        var options = new JsonSerializerOptions(ZoomJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var json = JsonSerializer.Serialize(new ZoomError { Code = 1, Message = "🎉" }, new ZoomJsonContext(options).ZoomError);

        Assert.Equal("""{"code":1,"message":"\uD83C\uDF89"}""", json);
    }
}
