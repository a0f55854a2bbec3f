namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>device</c> values Zoom documents.</summary>
public sealed class DeviceTypes : IZoomChoiceValues
{
    private DeviceTypes()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } = ["Phone", "H.323/SIP", "Windows", "Mac", "iOS", "Android"];
}
