namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>network_type</c> values Zoom documents.</summary>
public sealed class NetworkTypes : IZoomChoiceValues
{
    private NetworkTypes()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } = ["Wired", "Wifi", "PPP", "Cellular", "Others"];
}
