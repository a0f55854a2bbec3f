using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomQos.Analysis;

/// <summary>
/// A cause of section 5, by name (written as the name in JSON). The causes the model has are named here; a detector
/// of a new cause can name its own (<c>new CauseKind("Name")</c>) without changing this file.
/// </summary>
/// <param name="Name">The cause's name, e.g. <c>PanelistUplink</c>.</param>
[JsonConverter(typeof(CauseKindJsonConverter))]
public readonly record struct CauseKind(string Name)
{
    /// <summary>A panelist's uplink degraded many attendees' downlinks in the same minutes (one cause, many victims).</summary>
    public static CauseKind PanelistUplink { get; } = new(nameof(PanelistUplink));

    /// <summary>In a meeting, where anyone can send: one participant's uplink (sharing or speaking) degraded many others' downlinks at once.</summary>
    public static CauseKind SenderUplink { get; } = new(nameof(SenderUplink));

    /// <summary>A participant's own uplink (input leg degraded, output fine).</summary>
    public static CauseKind ParticipantUplink { get; } = new(nameof(ParticipantUplink));

    /// <summary>Weak Wi-Fi (average RSSI below −70 dBm) on the participant's network.</summary>
    public static CauseKind WeakWifi { get; } = new(nameof(WeakWifi));

    /// <summary>High CPU on the participant's device: loss and jitter low, CPU high, frame rate or resolution drop.</summary>
    public static CauseKind HighCpu { get; } = new(nameof(HighCpu));

    /// <summary>Latency high but steady, jitter and loss low: distance or a VPN path.</summary>
    public static CauseKind DistanceOrVpn { get; } = new(nameof(DistanceOrVpn));

    /// <summary>Max-loss spikes with low average loss: bursty congestion, typically Wi-Fi contention.</summary>
    public static CauseKind BurstyCongestion { get; } = new(nameof(BurstyCongestion));

    /// <summary>Bitrate steps down while loss stays low: bandwidth adaptation, not packet loss.</summary>
    public static CauseKind BandwidthAdaptation { get; } = new(nameof(BandwidthAdaptation));

    /// <summary>One attendee's output leg degraded while nobody else's is: their downlink or device.</summary>
    public static CauseKind AttendeeDownlink { get; } = new(nameof(AttendeeDownlink));

    /// <summary>The same person leaving and rejoining.</summary>
    public static CauseKind Reconnection { get; } = new(nameof(Reconnection));

    /// <summary>Screen share below 2 fps with loss.</summary>
    public static CauseKind PoorScreenShare { get; } = new(nameof(PoorScreenShare));

    /// <summary>
    /// Whether the cause is one sender's and its victims are the others (<see cref="PanelistUplink"/>, <see cref="SenderUplink"/>):
    /// the sender is the cause of the finding, not one who suffered it.
    /// </summary>
    public bool IsEpisode => this == PanelistUplink || this == SenderUplink;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Writes and reads a <see cref="CauseKind"/> as its name.</summary>
public sealed class CauseKindJsonConverter : JsonConverter<CauseKind>
{
    /// <inheritdoc/>
    public override CauseKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A cause kind is a string."));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, CauseKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
