using System.Globalization;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Storage;

/// <summary>The keys every store derives the same way: a session's join position, a sample's minute, time in Unix ms.</summary>
public static class StorageKeys
{
    /// <summary>The join time in Unix milliseconds, or <see cref="long.MinValue"/> when it is absent or unreadable (such sessions sort first).</summary>
    /// <param name="participant">The session.</param>
    public static long JoinMs(ParticipantQos participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.JoinTime.Value is { } join ? join.ToUnixTimeMilliseconds() : long.MinValue;
    }

    /// <summary>The session's key within its instance: its <c>user_id</c> (empty when Zoom sent none).</summary>
    /// <param name="participant">The session.</param>
    public static string UserId(ParticipantQos participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.UserId ?? string.Empty;
    }

    /// <summary>
    /// A sample's key: its minute in Zoom's own form (<c>yyyy-MM-ddTHH:mm:ssZ</c>, which sorts in time order),
    /// or the raw text when it does not parse.
    /// </summary>
    /// <param name="dateTime">The sample's <c>date_time</c>.</param>
    public static string Minute(ZoomTimestamp dateTime) =>
        dateTime.Value is { } value
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : dateTime.Raw ?? string.Empty;

    /// <summary>Unix milliseconds of an instant.</summary>
    /// <param name="value">The instant.</param>
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>The instant of Unix milliseconds.</summary>
    /// <param name="ms">Unix milliseconds.</param>
    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Whether a name is a numeric webinar ID (digits only) rather than an instance UUID.</summary>
    /// <param name="webinarIdOrUuid">What the caller named.</param>
    /// <param name="webinarId">The ID, when it is one.</param>
    public static bool IsWebinarId(string webinarIdOrUuid, out long webinarId)
    {
        webinarId = 0;
        return !string.IsNullOrEmpty(webinarIdOrUuid)
            && webinarIdOrUuid.Length <= 18
            && webinarIdOrUuid.All(char.IsAsciiDigit)
            && long.TryParse(webinarIdOrUuid, NumberStyles.None, CultureInfo.InvariantCulture, out webinarId);
    }
}
