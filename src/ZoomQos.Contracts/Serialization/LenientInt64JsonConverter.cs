using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Reads a numeric envelope field (<c>page_count</c>, <c>total_records</c>) that may hold a number, a numeric
/// string, or a placeholder such as the seed sample's <c>"integer [int64]"</c>: anything that is not an
/// integer reads as unknown (<see langword="null"/>) instead of failing the whole page.
/// </summary>
public sealed class LenientInt64JsonConverter : JsonConverter<long?>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
