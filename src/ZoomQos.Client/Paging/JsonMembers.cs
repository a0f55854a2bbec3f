using System.Text.Json;

namespace ZoomQos.Client.Paging;

/// <summary>
/// The members of one JSON object, in order, found by <see cref="JsonScan"/>: after <see cref="Next"/>, the member's
/// name is <see cref="Name"/> (quotes included) and its value starts at <see cref="Position"/>; the caller moves
/// <see cref="Position"/> past the value, by reading it or with <see cref="SkipValue"/>. When <see cref="Next"/>
/// returns false, <see cref="Position"/> is just past the object's <c>}</c>.
/// </summary>
internal ref struct JsonMembers
{
    private readonly ReadOnlySpan<byte> _json;
    private bool _started;

    /// <summary>Starts at the object whose <c>{</c> is at <paramref name="start"/>.</summary>
    public JsonMembers(ReadOnlySpan<byte> json, int start)
    {
        if (start >= json.Length || json[start] != (byte)'{')
        {
            throw new JsonException($"expected an object at byte {start}");
        }

        _json = json;
        Position = start + 1;
    }

    /// <summary>Where the current member's value starts; set it past the value before the next <see cref="Next"/>.</summary>
    public int Position { get; set; }

    /// <summary>The current member's name as written, quotes included.</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>Moves to the next member; false at the object's end.</summary>
    public bool Next()
    {
        var i = Separator(_json, Position, (byte)'}', ref _started);
        if (i < 0)
        {
            Position = -i;
            return false;
        }

        if (_json[i] != (byte)'"')
        {
            throw new JsonException($"expected a property name at byte {i}");
        }

        var end = JsonScan.String(_json, i);
        Name = _json[i..end];
        i = JsonScan.Whitespace(_json, end);
        if (i >= _json.Length || _json[i] != (byte)':')
        {
            throw new JsonException($"expected ':' after a property name at byte {i}");
        }

        Position = JsonScan.Whitespace(_json, i + 1);
        return true;
    }

    /// <summary>Whether the current member is named <paramref name="name"/>.</summary>
    public readonly bool NameIs(ReadOnlySpan<byte> name) => JsonScan.TextEquals(Name, name);

    /// <summary>Moves <see cref="Position"/> past the current member's value.</summary>
    public void SkipValue() => Position = JsonScan.Value(_json, Position);

    /// <summary>
    /// Steps over the comma between two items (or notes the first): the index of the next item, or, at the
    /// <paramref name="close"/> byte, minus the index just past it.
    /// </summary>
    internal static int Separator(ReadOnlySpan<byte> json, int at, byte close, ref bool started)
    {
        var i = JsonScan.Whitespace(json, at);
        if (i >= json.Length)
        {
            throw JsonScan.Truncated();
        }

        if (json[i] == close)
        {
            return -(i + 1);
        }

        if (started)
        {
            if (json[i] != (byte)',')
            {
                throw new JsonException($"expected ',' or '{(char)close}' at byte {i}");
            }

            i = JsonScan.Whitespace(json, i + 1);
        }

        started = true;
        return i;
    }
}

/// <summary>The elements of one JSON array: after <see cref="Next"/>, one starts at <see cref="Position"/>; the caller moves past it.</summary>
internal ref struct JsonElements
{
    private readonly ReadOnlySpan<byte> _json;
    private bool _started;

    /// <summary>Starts at the array whose <c>[</c> is at <paramref name="start"/>.</summary>
    public JsonElements(ReadOnlySpan<byte> json, int start)
    {
        if (start >= json.Length || json[start] != (byte)'[')
        {
            throw new JsonException($"expected an array at byte {start}");
        }

        _json = json;
        Position = start + 1;
    }

    /// <summary>Where the current element starts; set it past the element before the next <see cref="Next"/>.</summary>
    public int Position { get; set; }

    /// <summary>Moves to the next element; false at the array's end (<see cref="Position"/> then just past its <c>]</c>).</summary>
    public bool Next()
    {
        var i = JsonMembers.Separator(_json, Position, (byte)']', ref _started);
        if (i < 0)
        {
            Position = -i;
            return false;
        }

        if (i >= _json.Length)
        {
            throw JsonScan.Truncated();
        }

        Position = i;
        return true;
    }
}
