namespace ZoomQos.Contracts.Qos;

/// <summary>The wire names of <see cref="QosListType"/>, as the <c>type</c> query parameter and the CLI's <c>--type</c> spell them.</summary>
public static class QosListTypeNames
{
    /// <summary><c>live</c>: the instance in progress.</summary>
    public const string Live = "live";

    /// <summary><c>past</c>: an ended instance.</summary>
    public const string Past = "past";

    /// <summary>Both names, <c>live</c> first (Zoom's default).</summary>
    public static IReadOnlyList<string> All { get; } = [Live, Past];

    /// <summary>The wire name of a list type.</summary>
    /// <param name="type">The list type.</param>
    public static string ToWire(this QosListType type) => type == QosListType.Past ? Past : Live;

    /// <summary>Reads a wire name (exactly, as Zoom does); anything else is not a list type.</summary>
    /// <param name="text">The name.</param>
    /// <param name="type">The list type.</param>
    public static bool TryParse(string? text, out QosListType type)
    {
        (var known, type) = text switch
        {
            Live => (true, QosListType.Live),
            Past => (true, QosListType.Past),
            _ => (false, QosListType.Live),
        };
        return known;
    }
}
