namespace ZoomQos.Contracts.Enums;

/// <summary>The <c>optional_archiving</c> values Zoom documents.</summary>
public sealed class OptionalArchivingModes : IZoomChoiceValues
{
    private OptionalArchivingModes()
    {
    }

    /// <inheritdoc/>
    public static IReadOnlyList<string> Known { get; } = ["no optional archiving", "join without archiving", "join with archiving"];
}
