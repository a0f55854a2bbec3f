using System.Text.Json;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>The shared steps of writing the per-minute sample objects: absent values and null objects are left out.</summary>
internal static class WireWriter
{
    public static void Value<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T value)
        where T : struct, IQosValue<T>
    {
        if (value.Raw is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        QosValueJsonConverter<T>.WriteValue(writer, value);
    }

    public static void Object<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, WireObjectConverter<T> converter, JsonSerializerOptions options)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        converter.Write(writer, value, options);
    }

    public static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void Unknown(Utf8JsonWriter writer, Dictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var (name, element) in unknown)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }
}
