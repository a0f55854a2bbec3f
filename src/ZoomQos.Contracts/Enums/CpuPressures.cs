namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>system_*_cpu_pressure_level</c> values Zoom documents.</summary>
public sealed class CpuPressures : IZoomChoiceValues
{
    private CpuPressures()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } = ["normal", "fair", "serious", "critical"];
}
