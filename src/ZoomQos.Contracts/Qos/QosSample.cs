using System.Text.Json;
using System.Text.Json.Serialization;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Qos;

/// <summary>
/// One per-minute sample of a participant's QoS: the state at that minute, not an average over it.
/// <c>*_input</c> is what the participant sends; <c>*_output</c> is what they receive. A stream may be absent.
/// </summary>
[JsonConverter(typeof(QosSampleJsonConverter))]
public sealed record QosSample
{
    /// <summary>The minute (UTC).</summary>
    public ZoomTimestamp DateTime { get; init; }

    /// <summary>Audio sent by the participant.</summary>
    public AudioQos? AudioInput { get; init; }

    /// <summary>Audio received by the participant.</summary>
    public AudioQos? AudioOutput { get; init; }

    /// <summary>Audio from the device to the CRC.</summary>
    public AudioQos? AudioDeviceFromCrc { get; init; }

    /// <summary>Audio from the CRC to the device.</summary>
    public AudioQos? AudioDeviceToCrc { get; init; }

    /// <summary>Audio from the device to the RWG.</summary>
    public AudioQos? AudioDeviceFromRwg { get; init; }

    /// <summary>Audio from the RWG to the device.</summary>
    public AudioQos? AudioDeviceToRwg { get; init; }

    /// <summary>Video sent by the participant.</summary>
    public VideoQos? VideoInput { get; init; }

    /// <summary>Video received by the participant.</summary>
    public VideoQos? VideoOutput { get; init; }

    /// <summary>Video from the device to the CRC.</summary>
    public VideoQos? VideoDeviceFromCrc { get; init; }

    /// <summary>Video from the CRC to the device.</summary>
    public VideoQos? VideoDeviceToCrc { get; init; }

    /// <summary>Video from the device to the RWG.</summary>
    public VideoQos? VideoDeviceFromRwg { get; init; }

    /// <summary>Video from the RWG to the device.</summary>
    public VideoQos? VideoDeviceToRwg { get; init; }

    /// <summary>Screen share sent by the participant.</summary>
    public VideoQos? AsInput { get; init; }

    /// <summary>Screen share received by the participant.</summary>
    public VideoQos? AsOutput { get; init; }

    /// <summary>Screen share from the device to the CRC.</summary>
    public VideoQos? AsDeviceFromCrc { get; init; }

    /// <summary>Screen share from the CRC to the device.</summary>
    public VideoQos? AsDeviceToCrc { get; init; }

    /// <summary>Screen share from the device to the RWG.</summary>
    public VideoQos? AsDeviceFromRwg { get; init; }

    /// <summary>Screen share from the RWG to the device.</summary>
    public VideoQos? AsDeviceToRwg { get; init; }

    /// <summary>CPU usage of Zoom and of the system.</summary>
    public CpuUsage? CpuUsage { get; init; }

    /// <summary>System CPU pressure levels.</summary>
    public CpuPressureLevel? CpuPressureLevel { get; init; }

    /// <summary>Wi-Fi signal strength.</summary>
    public WifiRssi? WifiRssi { get; init; }

    /// <summary>Fields this version does not know (2026 brought <c>*_socket_break</c>), kept so that they are written back.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
