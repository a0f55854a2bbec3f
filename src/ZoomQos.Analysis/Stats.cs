namespace ZoomQos.Analysis;

/// <summary>The descriptive statistics of the analysis: percentiles by linear interpolation over sorted values.</summary>
internal static class Stats
{
    public static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>The values that are numbers, sorted.</summary>
    public static List<double> Sorted(IEnumerable<float> values)
    {
        var list = values.Where(v => !float.IsNaN(v)).Select(v => (double)v).ToList();
        list.Sort();
        return list;
    }

    /// <summary>The median of the values that are numbers.</summary>
    public static double Median(IEnumerable<float> values) => Percentile(Sorted(values), 0.5);
}
