using System.Buffers.Text;
using System.Text.Json;
using ZoomQos.Client.Errors;

namespace ZoomQos.Client.Paging;

/// <summary>
/// Cuts a participants page into its sessions' JSON objects without parsing them: a structural scan
/// (<see cref="JsonScan"/>) that notes where each element of <c>participants</c> begins and ends and reads only its
/// <c>user_id</c> (and the page's <c>total_records</c>).
/// </summary>
internal static class ParticipantsJsonSplitter
{
    /// <summary>The page's sessions, each copied out of <paramref name="page"/> (which may be a pooled buffer), and total_records.</summary>
    /// <exception cref="ZoomApiException">The body is not a JSON object with a participants array of objects.</exception>
    public static (List<ParticipantJson> Participants, long? TotalRecords) Split(ReadOnlySpan<byte> page, string path)
    {
        var participants = new List<ParticipantJson>();
        long? total = null;
        try
        {
            var start = JsonScan.Whitespace(page, 0);
            if (start >= page.Length || page[start] != (byte)'{')
            {
                throw Malformed(path, "is not a JSON object");
            }

            var members = new JsonMembers(page, start);
            while (members.Next())
            {
                if (members.NameIs("participants"u8) && page[members.Position] == (byte)'[')
                {
                    members.Position = ReadSessions(page, members.Position, participants, path);
                }
                else if (members.NameIs("total_records"u8))
                {
                    var at = members.Position;
                    members.SkipValue();
                    total = Utf8Parser.TryParse(page[at..members.Position], out long n, out var used) && used == members.Position - at ? n : null;
                }
                else
                {
                    members.SkipValue();
                }
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(path, "is not valid JSON: " + ex.Message);
        }

        return (participants, total);
    }

    // Each element of the array at `at`, its bytes copied out and its user_id read; returns the index past the array.
    private static int ReadSessions(ReadOnlySpan<byte> page, int at, List<ParticipantJson> participants, string path)
    {
        var elements = new JsonElements(page, at);
        while (elements.Next())
        {
            var start = elements.Position;
            if (page[start] != (byte)'{')
            {
                throw Malformed(path, "has a participant that is not an object");
            }

            string? userId = null;
            var members = new JsonMembers(page, start);
            while (members.Next())
            {
                var value = members.Position;
                members.SkipValue();
                if (members.NameIs("user_id"u8) && page[value] == (byte)'"')
                {
                    userId = JsonScan.Text(page[value..members.Position]);
                }
            }

            elements.Position = members.Position;
            participants.Add(new ParticipantJson(userId, OneLine(page[start..members.Position])));
        }

        return elements.Position;
    }

    /// <summary>
    /// The object's bytes; when the server wrote it over several lines, without the whitespace between its tokens
    /// (a JSON string holds no raw line break, so one outside strings is layout), so that each session is one line.
    /// </summary>
    private static byte[] OneLine(ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            return json.ToArray();
        }

        var compact = new List<byte>(json.Length);
        bool inString = false, escaped = false;
        foreach (var b in json)
        {
            if (inString)
            {
                (escaped, inString) = escaped ? (false, true) : (b == (byte)'\\', b != (byte)'"');
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else
            {
                inString = b == (byte)'"';
            }

            compact.Add(b);
        }

        return [.. compact];
    }

    private static ZoomApiException Malformed(string path, string what) => new($"GET {path.Split('?')[0]} answered 200 with a body that {what}.");
}
