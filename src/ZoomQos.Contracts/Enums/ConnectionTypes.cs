namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>connection_type</c>, <c>video_connection_type</c> and <c>as_connection_type</c> values Zoom documents.</summary>
public sealed class ConnectionTypes : IZoomChoiceValues
{
    private ConnectionTypes()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } =
        ["P2P", "TCP", "UDP", "Reliable UDP", "SSL", "HTTP", "TCP+Proxy", "UDP+Proxy", "Reliable+Proxy", "SSL+Proxy", "HTTP+Proxy"];
}
