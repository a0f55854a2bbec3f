namespace ZoomQos.Server.Qos;

/// <summary>One surface under one prefix (<see cref="QosSurface.OwnPrefix"/> or <see cref="QosSurface.MasterPrefix"/>): what a handler is mapped for.</summary>
/// <param name="Surface">Webinars or meetings.</param>
/// <param name="Prefix">The account's own routes, or a master account's over a sub-account.</param>
internal sealed record QosRoute(QosSurface Surface, string Prefix)
{
    /// <summary>Every surface under every prefix.</summary>
    public static IReadOnlyList<QosRoute> All { get; } =
        [.. QosSurface.All.SelectMany(s => new[] { new QosRoute(s, QosSurface.OwnPrefix), new QosRoute(s, QosSurface.MasterPrefix) })];

    public bool IsMaster => Prefix == QosSurface.MasterPrefix;

    /// <summary>The operations admitted here (their scopes differ under the master prefix).</summary>
    public QosOperations Operations => Surface.At(Prefix);

    /// <summary>The route's base: <c>/v2/metrics/webinars</c> or <c>/v2/accounts/{accountId}/metrics/meetings</c>.</summary>
    public string Base => $"{Prefix}/{Surface.Plural}";

    /// <summary>The raw path segment that holds what the own route holds at <paramref name="ownSegment"/>.</summary>
    public int Segment(int ownSegment) => ownSegment + QosSurface.SegmentShift(Prefix);

    /// <summary>An endpoint name, unique per route: Zoom's operation ID, with <c>Master</c> after it under the master prefix.</summary>
    public string Name(string suffix) => Surface.OperationId(suffix) + (IsMaster ? "Master" : string.Empty);
}
