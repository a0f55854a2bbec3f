namespace ZoomQos.Simulation;

/// <summary>Who a simulated participant is: identity, device, network, place, and the baseline of their link.</summary>
internal sealed class Person
{
    public required bool IsPanelist { get; init; }

    public required bool IsPresenter { get; init; }

    public required string ZoomUserId { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string Device { get; init; }

    public required string Client { get; init; }

    public required string Os { get; init; }

    public required string OsVersion { get; init; }

    public required string Version { get; init; }

    public required string BrowserName { get; init; }

    public required string BrowserVersion { get; init; }

    public required string DeviceName { get; init; }

    public required string IpAddress { get; init; }

    public required string InternalIp { get; init; }

    public required string Location { get; set; }

    public required string DataCenter { get; set; }

    public required string NetworkType { get; set; }

    public required string ConnectionType { get; init; }

    public required string PcName { get; init; }

    public required string Domain { get; init; }

    public required string MacAddr { get; init; }

    public required string HarddiskId { get; init; }

    public required bool External { get; init; }

    public required double BaseLatency { get; set; }

    public required double BaseJitter { get; set; }

    public required double BaseLoss { get; set; }

    public required double BaseRssi { get; set; }

    public required double BaseCpu { get; init; }

    /// <summary>Whether the device sends and receives video (a phone dial-in does not).</summary>
    public bool HasVideo => Device != "Phone";

    /// <summary>Whether the device reports CPU (a phone dial-in and a room system do not).</summary>
    public bool ReportsCpu => Device is not ("Phone" or "H.323/SIP");

    public bool OnWifi => NetworkType == "Wifi";
}
