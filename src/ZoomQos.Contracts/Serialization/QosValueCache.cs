using System.Text;
using System.Text.Json;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// A small, lock-free, per-type table from the UTF-8 bytes of a short value string to its parsed value.
/// A QoS page repeats the same few hundred strings ("0 ms", "0.0%", "1280*720") tens of thousands of
/// times; a hit skips both the string allocation and the parse. Measured in docs/decisions/0003-qos-value-parsing.md.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal static class QosValueCache<T>
    where T : struct, IQosValue<T>
{
    private const int MaxCachedLength = 24;
    private const int Slots = 1024;

    private static readonly Entry?[] Table = new Entry?[Slots];

    public static T GetOrParse(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedLength)
        {
            return T.Parse(reader.GetString());
        }

        var bytes = reader.ValueSpan;
        var slot = (int)((uint)Hash(bytes) % Slots);
        var entry = Volatile.Read(ref Table[slot]);
        if (entry is not null && bytes.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        // A miss (or a collision) parses and takes the slot; racing writers each store a complete entry.
        var value = T.Parse(Encoding.UTF8.GetString(bytes));
        Volatile.Write(ref Table[slot], new Entry(bytes.ToArray(), value));
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }

    private sealed class Entry(byte[] utf8, T value)
    {
        public byte[] Utf8 { get; } = utf8;

        public T Value { get; } = value;
    }
}
