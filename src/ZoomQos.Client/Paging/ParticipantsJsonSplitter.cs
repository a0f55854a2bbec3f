using System.Text.Json;
using ZoomQos.Client.Errors;

namespace ZoomQos.Client.Paging;

/// <summary>
/// Cuts a participants page into its sessions' JSON objects without parsing them: a token scan that notes where each
/// element of <c>participants</c> begins and ends and reads only its <c>user_id</c> (and the page's <c>total_records</c>).
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
            var reader = new Utf8JsonReader(page);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(path, "is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("participants"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        ReadSessions(ref reader, page, participants, path);
                        continue;
                    }
                }
                else if (reader.ValueTextEquals("total_records"u8))
                {
                    reader.Read();
                    total = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : null;
                }
                else
                {
                    reader.Read();
                }

                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(path, "is not valid JSON: " + ex.Message);
        }

        return (participants, total);
    }

    private static void ReadSessions(ref Utf8JsonReader reader, ReadOnlySpan<byte> page, List<ParticipantJson> participants, string path)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(path, "has a participant that is not an object");
            }

            var start = (int)reader.TokenStartIndex;
            string? userId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isUserId = reader.ValueTextEquals("user_id"u8);
                reader.Read();
                if (isUserId && reader.TokenType == JsonTokenType.String)
                {
                    userId = reader.GetString();
                }

                reader.Skip();
            }

            participants.Add(new ParticipantJson(userId, OneLine(page[start..(int)reader.BytesConsumed])));
        }
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
