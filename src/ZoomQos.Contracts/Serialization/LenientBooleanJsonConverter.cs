using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Reads Zoom's boolean flags as <c>true</c>/<c>false</c> or the strings <c>"true"</c>/<c>"false"</c>; any other
/// token reads as unknown (<see langword="null"/>) instead of failing the participant.
/// </summary>
public sealed class LenientBooleanJsonConverter : JsonConverter<bool?>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return bool.TryParse(reader.GetString(), out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
