using System.Text.Json;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>The shared steps of the hand-written converters of the per-minute sample objects.</summary>
internal static class WireReader
{
    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, Type type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {type.Name}, found {reader.TokenType}.");
        }
    }

    /// <summary>Moves from a property name to its value and reads it as a QoS value.</summary>
    public static T Value<T>(ref Utf8JsonReader reader)
        where T : struct, IQosValue<T>
    {
        reader.Read();
        return QosValueJsonConverter<T>.ReadValue(ref reader);
    }

    /// <summary>
    /// Moves from a property name to its value and reads an object with <paramref name="converter"/>. A null
    /// reads as null; any other token where an object belongs is kept in <paramref name="unknown"/>, so that it
    /// is written back as it came instead of failing the page.
    /// </summary>
    public static T? Object<T>(ref Utf8JsonReader reader, string name, WireObjectConverter<T> converter, JsonSerializerOptions options, ref Dictionary<string, JsonElement>? unknown)
        where T : class
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return converter.Read(ref reader, typeof(T), options);
            case JsonTokenType.Null:
                return null;
            default:
                unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                unknown[name] = JsonElement.ParseValue(ref reader);
                return null;
        }
    }

    /// <summary>Whether the value after the property name the reader stands on is a string (the reader does not move).</summary>
    public static bool IsNextString(ref Utf8JsonReader reader)
    {
        var lookahead = reader;
        return lookahead.Read() && lookahead.TokenType == JsonTokenType.String;
    }

    /// <summary>Moves from a property name to its string value and reads it; check <see cref="IsNextString"/> first.</summary>
    public static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString();
    }

    /// <summary>Keeps a property this version does not know, so that it is written back.</summary>
    public static Dictionary<string, JsonElement> Unknown(ref Utf8JsonReader reader, Dictionary<string, JsonElement>? unknown)
    {
        var name = reader.GetString()!;
        reader.Read();
        unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        unknown[name] = JsonElement.ParseValue(ref reader);
        return unknown;
    }
}
