using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// The base of the hand-written converters for the objects inside a per-minute sample, which make up nearly
/// every byte of a QoS page. Reading them by hand instead of through the generated metadata is what keeps
/// typed parsing near the speed of a bare token scan; see docs/decisions/0003-qos-value-parsing.md.
/// </summary>
/// <typeparam name="T">The record.</typeparam>
internal abstract class WireObjectConverter<T> : JsonConverter<T>
    where T : class
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireReader.StartObject(ref reader, typeof(T));
        return ReadObject(ref reader, options);
    }

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteProperties(writer, value, options);
        writer.WriteEndObject();
    }

    /// <summary>Reads the properties up to the end of the object; the reader stands on its start.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The serializer options.</param>
    protected abstract T ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the properties, known ones first, then the unknown ones that were kept.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The record.</param>
    /// <param name="options">The serializer options.</param>
    protected abstract void WriteProperties(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
}
