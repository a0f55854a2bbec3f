using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Webinars;

/// <summary>One webinar or meeting instance in the Dashboard's list of webinars or of meetings.</summary>
public sealed record WebinarSummary
{
    /// <summary>The instance UUID (24 characters of base64).</summary>
    public string? Uuid { get; init; }

    /// <summary>The webinar ID (9 to 11 digits).</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? Id { get; init; }

    /// <summary>The topic.</summary>
    public string? Topic { get; init; }

    /// <summary>The host's name.</summary>
    public string? Host { get; init; }

    /// <summary>The host's email.</summary>
    public string? Email { get; init; }

    /// <summary>The host's user type.</summary>
    public string? UserType { get; init; }

    /// <summary>When the instance started (UTC).</summary>
    public ZoomTimestamp StartTime { get; init; }

    /// <summary>When the instance ended (UTC); empty while live.</summary>
    public ZoomTimestamp EndTime { get; init; }

    /// <summary>Duration as Zoom writes it (<c>"hh:mm:ss"</c> or minutes).</summary>
    public string? Duration { get; init; }

    /// <summary>Number of participants.</summary>
    [JsonConverter(typeof(LenientInt64JsonConverter))]
    public long? Participants { get; init; }

    /// <summary>Whether anyone joined by telephone.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasPstn { get; init; }

    /// <summary>Whether anyone joined by computer audio.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasVoip { get; init; }

    /// <summary>Whether third-party audio was used.</summary>
    [JsonPropertyName("has_3rd_party_audio")]
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasThirdPartyAudio { get; init; }

    /// <summary>Whether video was used.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasVideo { get; init; }

    /// <summary>Whether the screen was shared.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasScreenShare { get; init; }

    /// <summary>Whether the instance was recorded.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasRecording { get; init; }

    /// <summary>Whether a SIP device joined.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasSip { get; init; }

    /// <summary>Whether archiving was on.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasArchiving { get; init; }

    /// <summary>The host's department.</summary>
    public string? Dept { get; init; }

    /// <summary>The instance's audio quality as Zoom rates it: <c>good</c>, <c>fair</c>, <c>poor</c>, <c>bad</c>.</summary>
    public string? AudioQuality { get; init; }

    /// <summary>The video quality, rated the same way.</summary>
    public string? VideoQuality { get; init; }

    /// <summary>The screen share quality, rated the same way.</summary>
    public string? ScreenShareQuality { get; init; }

    /// <summary>Custom keys of the instance.</summary>
    public IReadOnlyList<CustomKey>? CustomKeys { get; init; }

    /// <summary>Ours, not on the wire: whether the list this came from was the meetings' (the SDK sets it) or the webinars'.</summary>
    [JsonIgnore]
    public QosEventKind Kind { get; init; }

    /// <summary>Fields this version does not know, kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
