using ZoomQos.Contracts.Qos;

namespace ZoomQos.Analysis;

/// <summary>What is kept of one session.</summary>
internal sealed class SessionRecord
{
    public SessionRecord(ParticipantQos p, MinuteFacts[] minutes)
    {
        UserId = p.UserId ?? string.Empty;
        Name = string.IsNullOrWhiteSpace(p.UserName) ? History.PersonKey.UnknownName : p.UserName;
        Email = p.Email ?? string.Empty;
        Join = p.JoinTime.Value;
        Leave = p.LeaveTime.Value;
        Minutes = minutes;
        Dimensions = new Dictionary<Dimension, string>
        {
            [Dimension.Location] = Known(p.Location),
            [Dimension.NetworkType] = Known(p.NetworkType.Raw),
            [Dimension.Device] = Known(p.Device.Raw),
            [Dimension.Os] = Known(p.Os),
            [Dimension.ClientVersion] = Known(p.Version),
            [Dimension.DataCenter] = Known(p.DataCenter),
        };
        Location = p.Location ?? string.Empty;
        DataCenter = p.DataCenter ?? string.Empty;

        // The same person across sessions: Zoom's user id when signed in, else what identifies the machine.
        string?[] identity = [p.Id, p.Email, p.MacAddr, p.HarddiskId, p.PcName, p.IpAddress];
        PersonKey = identity.Any(s => !string.IsNullOrEmpty(s))
            ? string.Join('|', p.Id, p.Email, p.UserName, p.PcName, p.MacAddr, p.HarddiskId, p.IpAddress, p.DeviceName, p.Version, p.OsVersion, p.Location)
            : null;
        IsPanelist = minutes.Any(m => m.SendsMedia);
    }

    public string UserId { get; }

    public string Name { get; }

    public string Email { get; }

    public string Location { get; }

    public string DataCenter { get; }

    public DateTimeOffset? Join { get; }

    public DateTimeOffset? Leave { get; }

    public string? PersonKey { get; }

    public bool IsPanelist { get; }

    public MinuteFacts[] Minutes { get; }

    public Dictionary<Dimension, string> Dimensions { get; }

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? "unknown" : value;
}
