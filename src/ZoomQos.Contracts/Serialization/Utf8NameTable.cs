using System.Text;
using System.Text.Json;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Finds which of a fixed set of property names the reader stands on in one hash probe and one comparison,
/// instead of comparing against each name in turn (21 names in a sample). Built once per converter.
/// </summary>
internal sealed class Utf8NameTable
{
    private readonly byte[][] _names;
    private readonly int[] _slots;
    private readonly int _mask;

    public Utf8NameTable(params string[] names)
    {
        _names = [.. names.Select(Encoding.UTF8.GetBytes)];
        var size = 16;
        while (size < names.Length * 4)
        {
            size *= 2;
        }

        _mask = size - 1;
        _slots = Enumerable.Repeat(-1, size).ToArray();
        for (var i = 0; i < _names.Length; i++)
        {
            var slot = Hash(_names[i]) & _mask;
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i;
        }
    }

    /// <summary>
    /// The index of the property name the reader stands on, or -1 when it is none of the names. Zoom writes
    /// properties in one order, so <paramref name="expected"/> (the index after the previous match) is tried
    /// first; it is advanced on every match.
    /// </summary>
    public int IndexOf(ref Utf8JsonReader reader, ref int expected)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            // Rare: a name split across buffers or written with escapes. Unescape it first.
            return IndexOf(Encoding.UTF8.GetBytes(reader.GetString()!));
        }

        var name = reader.ValueSpan;
        var index = (uint)expected < (uint)_names.Length && name.SequenceEqual(_names[expected]) ? expected : IndexOf(name);
        expected = index + 1;
        return index;
    }

    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        var slot = Hash(name) & _mask;
        while (true)
        {
            var index = _slots[slot];
            if (index < 0)
            {
                return -1;
            }

            if (name.SequenceEqual(_names[index]))
            {
                return index;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static int Hash(ReadOnlySpan<byte> name) =>
        (name.Length * 397) ^ (name[0] * 31) ^ (name[^1] * 7919) ^ (name[name.Length / 2] * 104729) ^ (name[name.Length / 3] << 3);
}
