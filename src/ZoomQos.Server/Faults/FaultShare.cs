namespace ZoomQos.Server.Faults;

/// <summary>One kind of fault and the share of requests it hits.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Percent">The share of requests, 0 to 100.</param>
/// <param name="Delay">For <see cref="FaultKind.Delay"/>, how long.</param>
public sealed record FaultShare(FaultKind Kind, double Percent, TimeSpan Delay);
