namespace ZoomQos.Analysis.Causes;

/// <summary>Minutes in runs: consecutive minutes, bridging gaps of at most <c>gap</c> minutes, of at least <c>minLength</c>.</summary>
internal static class MinuteRuns
{
    public static List<(long From, long To)> Of(IEnumerable<long> minutes, int gap, int minLength)
    {
        var runs = new List<(long From, long To)>();
        long? from = null, to = null;
        foreach (var minute in minutes.Order())
        {
            if (from is null || minute - to!.Value > gap + 1)
            {
                if (from is not null && to!.Value - from.Value + 1 >= minLength)
                {
                    runs.Add((from.Value, to.Value));
                }

                from = minute;
            }

            to = minute;
        }

        if (from is not null && to!.Value - from.Value + 1 >= minLength)
        {
            runs.Add((from.Value, to.Value));
        }

        return runs;
    }
}
