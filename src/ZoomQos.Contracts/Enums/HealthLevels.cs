namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>health</c> values Zoom documents.</summary>
public sealed class HealthLevels : IZoomChoiceValues
{
    private HealthLevels()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } = ["Good", "Warning", "Critical"];
}
