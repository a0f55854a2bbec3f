using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>
/// One participant join session with its per-minute QoS samples, as Zoom sends it. A person who leaves and
/// rejoins appears twice, with another <see cref="UserId"/>. Privacy blanking empties
/// <see cref="UserName"/>, <see cref="Email"/>, <see cref="IpAddress"/> and <see cref="Location"/>.
/// </summary>
public sealed record ParticipantQos
{
    /// <summary>Zoom user id; empty for guests.</summary>
    public string? Id { get; init; }

    /// <summary>In-webinar participant id (digits); with the instance UUID it keys a session.</summary>
    public string? UserId { get; init; }

    /// <summary>The participant's UUID.</summary>
    public string? ParticipantUuid { get; init; }

    /// <summary>Display name; empty when blanked for privacy.</summary>
    public string? UserName { get; init; }

    /// <summary>Email; empty when blanked for privacy.</summary>
    public string? Email { get; init; }

    /// <summary><c>Phone</c>, <c>H.323/SIP</c>, <c>Windows</c>, <c>Mac</c>, <c>iOS</c>, <c>Android</c>, or empty.</summary>
    public ZoomChoice<DeviceTypes> Device { get; init; }

    /// <summary>The Zoom client type.</summary>
    public string? Client { get; init; }

    /// <summary>The Zoom client version.</summary>
    public string? Version { get; init; }

    /// <summary>Operating system.</summary>
    public string? Os { get; init; }

    /// <summary>Operating system version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>Browser name, for web clients.</summary>
    public string? BrowserName { get; init; }

    /// <summary>Browser version, for web clients.</summary>
    public string? BrowserVersion { get; init; }

    /// <summary>Device name.</summary>
    public string? DeviceName { get; init; }

    /// <summary>Public IP address; empty when blanked for privacy.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Internal IP addresses.</summary>
    public IReadOnlyList<string>? InternalIpAddresses { get; init; }

    /// <summary>Location, e.g. <c>San Jose (US)</c>; empty when blanked for privacy.</summary>
    public string? Location { get; init; }

    /// <summary>Data centre the participant connected through.</summary>
    public string? DataCenter { get; init; }

    /// <summary>Full data centre description.</summary>
    public string? FullDataCenter { get; init; }

    /// <summary><c>Wired</c>, <c>Wifi</c>, <c>PPP</c>, <c>Cellular</c>, <c>Others</c>.</summary>
    public ZoomChoice<NetworkTypes> NetworkType { get; init; }

    /// <summary>Audio connection type (<c>UDP</c>, <c>SSL+Proxy</c>, ...).</summary>
    public ZoomChoice<ConnectionTypes> ConnectionType { get; init; }

    /// <summary>Video connection type.</summary>
    public ZoomChoice<ConnectionTypes> VideoConnectionType { get; init; }

    /// <summary>Screen-share connection type.</summary>
    public ZoomChoice<ConnectionTypes> AsConnectionType { get; init; }

    /// <summary>Machine name.</summary>
    public string? PcName { get; init; }

    /// <summary>Machine domain; empty for external users.</summary>
    public string? Domain { get; init; }

    /// <summary>MAC address; empty for external users.</summary>
    public string? MacAddr { get; init; }

    /// <summary>Hard disk id; empty for external users.</summary>
    public string? HarddiskId { get; init; }

    /// <summary>When the session joined (UTC).</summary>
    public ZoomTimestamp JoinTime { get; init; }

    /// <summary>When the session left (UTC).</summary>
    public ZoomTimestamp LeaveTime { get; init; }

    /// <summary>Whether the participant shared an application.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? ShareApplication { get; init; }

    /// <summary>Whether the participant shared the desktop.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? ShareDesktop { get; init; }

    /// <summary>Whether the participant shared a whiteboard.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? ShareWhiteboard { get; init; }

    /// <summary>Whether the participant recorded.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? Recording { get; init; }

    /// <summary>Whether archiving was on.</summary>
    [JsonConverter(typeof(LenientBooleanJsonConverter))]
    public bool? HasArchiving { get; init; }

    /// <summary><c>no optional archiving</c>, <c>join without archiving</c>, <c>join with archiving</c>.</summary>
    public ZoomChoice<OptionalArchivingModes> OptionalArchiving { get; init; }

    /// <summary>Group id (camel case on the wire, as Zoom spells it).</summary>
    [JsonPropertyName("groupId")]
    public string? GroupId { get; init; }

    /// <summary>The microphone (a meeting participant's get-one answer has it).</summary>
    public string? Microphone { get; init; }

    /// <summary>The speaker (meetings).</summary>
    public string? Speaker { get; init; }

    /// <summary>The camera (meetings).</summary>
    public string? Camera { get; init; }

    /// <summary>Seconds from clicking join to being in the meeting (meetings).</summary>
    public double? TotalJointimeCost { get; init; }

    /// <summary>The version of Zoom's thin-client (VDI) plugin, when the participant used one.</summary>
    public string? ZoomThinClientPluginVersion { get; init; }

    /// <summary><c>Good</c>, <c>Warning</c>, <c>Critical</c>.</summary>
    public ZoomChoice<HealthLevels> Health { get; init; }

    /// <summary>Zoom's issues for the session (up to 5).</summary>
    public IReadOnlyList<string>? IssueList { get; init; }

    /// <summary>The per-minute samples.</summary>
    public IReadOnlyList<QosSample>? UserQos { get; init; }

    /// <summary>Fields this version does not know (2026 brought <c>rc_reason</c>), kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The participant as an account without a signed HIPAA BAA sees it (Zoom's privacy blanking): <c>user_name</c>,
    /// <c>email</c>, <c>ip_address</c> and <c>location</c> empty. The one place that says what blanking blanks.
    /// </summary>
    public ParticipantQos WithPrivacyBlanking() => this with { UserName = string.Empty, Email = string.Empty, IpAddress = string.Empty, Location = string.Empty };
}
