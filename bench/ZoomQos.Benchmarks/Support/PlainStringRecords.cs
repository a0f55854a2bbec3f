using System.Text.Json.Serialization;

namespace ZoomQos.Benchmarks.Support;

// Baseline (c): the shape existing Zoom SDKs give, every value a plain string left for the caller to parse.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.
public sealed record PlainPage(long PageCount, int PageSize, long TotalRecords, string? NextPageToken, List<PlainParticipant>? Participants);

public sealed record PlainParticipant
{
    public string? Id { get; init; }
    public string? UserId { get; init; }
    public string? ParticipantUuid { get; init; }
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? Device { get; init; }
    public string? Client { get; init; }
    public string? Version { get; init; }
    public string? Os { get; init; }
    public string? OsVersion { get; init; }
    public string? IpAddress { get; init; }
    public string? Location { get; init; }
    public string? DataCenter { get; init; }
    public string? NetworkType { get; init; }
    public string? ConnectionType { get; init; }
    public string? PcName { get; init; }
    public string? Domain { get; init; }
    public string? MacAddr { get; init; }
    public string? HarddiskId { get; init; }
    public string? JoinTime { get; init; }
    public string? LeaveTime { get; init; }
    public bool? ShareDesktop { get; init; }
    public string? Health { get; init; }
    public List<PlainSample>? UserQos { get; init; }
}

public sealed record PlainSample
{
    public string? DateTime { get; init; }
    public PlainMedia? AudioInput { get; init; }
    public PlainMedia? AudioOutput { get; init; }
    public PlainMedia? VideoInput { get; init; }
    public PlainMedia? VideoOutput { get; init; }
    public PlainMedia? AsInput { get; init; }
    public PlainMedia? AsOutput { get; init; }
    public PlainCpu? CpuUsage { get; init; }
    public PlainRssi? WifiRssi { get; init; }
}

public sealed record PlainMedia
{
    public string? Bitrate { get; init; }
    public string? Latency { get; init; }
    public string? Jitter { get; init; }
    public string? AvgLoss { get; init; }
    public string? MaxLoss { get; init; }
    public string? Resolution { get; init; }
    public string? FrameRate { get; init; }
}

public sealed record PlainCpu
{
    public string? ZoomMinCpuUsage { get; init; }
    public string? ZoomAvgCpuUsage { get; init; }
    public string? ZoomMaxCpuUsage { get; init; }
    public string? SystemMaxCpuUsage { get; init; }
}

public sealed record PlainRssi(int MaxRssi, int AvgRssi, int MinRssi, string? RssiUnit);
#pragma warning restore CA1812

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlainPage))]
public sealed partial class PlainJsonContext : JsonSerializerContext;
