using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Reads any JSON token into a <see cref="IQosValue{TSelf}"/> without throwing, and writes back exactly the
/// raw text that was read: a string stays that string (<c>"27.15kbps"</c> keeps its missing space), a literal
/// stays that literal.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class QosValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IQosValue<T>
{
    /// <summary>Null is read as an absent value rather than handed to the serializer.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Reads the token the reader stands on.</summary>
    /// <param name="reader">The reader.</param>
    internal static T ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return QosValueCache<T>.GetOrParse(ref reader);
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.Number when !reader.HasValueSequence:
                // Wi-Fi RSSI comes as integers: take the literal's bytes directly, no document needed.
                return T.ParseJsonLiteral(Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return T.ParseJsonLiteral(document.RootElement.GetRawText());
                }
        }
    }

    /// <summary>Writes the raw text back as it was read.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    internal static void WriteValue(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Raw is null)
        {
            writer.WriteNullValue();
        }
        else if (value.RawIsJsonLiteral)
        {
            writer.WriteRawValue(value.Raw, skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(value.Raw);
        }
    }
}
