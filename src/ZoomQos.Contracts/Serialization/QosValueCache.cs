using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// A small, lock-free, per-type table from the UTF-8 bytes of a short ASCII value string to its parsed value.
/// A QoS page repeats the same few hundred strings ("0 ms", "0.0%", "1280*720", each minute's date_time)
/// tens of thousands of times; a hit costs no allocation and no parse, and a miss costs what reading without
/// the table would. Measured in docs/decisions/0003-qos-value-parsing.md.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal static class QosValueCache<T>
    where T : struct, IQosValue<T>
{
    private const int MaxCachedLength = 24;
    private const int Slots = 2048;

    private static readonly T[] Table = new T[Slots];

    public static T GetOrParse(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedLength)
        {
            return T.Parse(reader.GetString());
        }

        var bytes = reader.ValueSpan;
        var slot = Hash(bytes) & (Slots - 1);

        // A T is one reference (see ParsedText), so reading and writing a slot is atomic: racing readers see
        // either the old value or the new one, both complete.
        var cached = Table[slot];
        if (cached.Raw is { } raw && Ascii.Equals(bytes, raw))
        {
            return cached;
        }

        var value = T.Parse(Encoding.UTF8.GetString(bytes));
        if (Ascii.IsValid(bytes))
        {
            Table[slot] = value;
        }

        return value;
    }

    // Two loads and two multiplies for eight bytes or more (first and last eight, overlapping), a short loop
    // below that: cheaper than a byte-at-a-time hash, and values up to 24 bytes differ in their ends.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong head = 0, tail = 0;
        if (bytes.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else
        {
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }
        }

        var hash = ((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL)) + (ulong)bytes.Length;
        return (int)(hash >> 40);
    }
}
