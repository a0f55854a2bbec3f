namespace ZoomQos.Contracts.Enums;

/// <summary>The values Zoom documents for one enumerated field; see <see cref="ZoomChoice{TValues}"/>.</summary>
public interface IZoomChoiceValues
{
    /// <summary>The documented values, spelt as Zoom sends them.</summary>
    static abstract IReadOnlyList<string> Known { get; }
}
