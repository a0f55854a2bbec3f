using System.Text.Json.Serialization;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Errors;
using ZoomQos.Contracts.OAuth;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// The source-generated JSON metadata for Zoom's wire format: snake_case names, absent values left out when
/// writing, and the converters that keep every value's raw text.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters =
    [
        typeof(QosValueJsonConverter<ZoomChoice<DeviceTypes>>),
        typeof(QosValueJsonConverter<ZoomChoice<NetworkTypes>>),
        typeof(QosValueJsonConverter<ZoomChoice<ConnectionTypes>>),
        typeof(QosValueJsonConverter<ZoomChoice<HealthLevels>>),
        typeof(QosValueJsonConverter<ZoomChoice<OptionalArchivingModes>>),
        typeof(QosValueJsonConverter<ZoomChoice<CpuPressures>>),
    ])]
[JsonSerializable(typeof(ParticipantQosPage))]
[JsonSerializable(typeof(ParticipantQos))]
[JsonSerializable(typeof(IReadOnlyList<ParticipantQos>))]
[JsonSerializable(typeof(QosSample))]
[JsonSerializable(typeof(ParticipantQosSummaryPage))]
[JsonSerializable(typeof(ParticipantQosSummary))]
[JsonSerializable(typeof(WebinarListPage))]
[JsonSerializable(typeof(MeetingListPage))]
[JsonSerializable(typeof(WebinarSummary))]
[JsonSerializable(typeof(ZoomError))]
[JsonSerializable(typeof(OAuthToken))]
[JsonSerializable(typeof(OAuthError))]
[JsonSerializable(typeof(Bitrate))]
[JsonSerializable(typeof(Milliseconds))]
[JsonSerializable(typeof(Percent))]
[JsonSerializable(typeof(Resolution))]
[JsonSerializable(typeof(FrameRate))]
[JsonSerializable(typeof(CpuPercent))]
[JsonSerializable(typeof(Rssi))]
[JsonSerializable(typeof(ZoomTimestamp))]
public sealed partial class ZoomJsonContext : JsonSerializerContext;
