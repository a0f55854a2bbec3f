using System.Globalization;

namespace ZoomQos.Simulation;

/// <summary>Writes values the way Zoom does, inconsistencies included: "27.15kbps" beside "27 kbps", "0ms" beside "126 ms".</summary>
internal static class ZoomText
{
    public static string Kbps(double kbps, Random random)
    {
        var number = random.Next(10) < 3
            ? Math.Round(kbps, 2).ToString("0.##", CultureInfo.InvariantCulture)
            : Math.Round(kbps).ToString("0", CultureInfo.InvariantCulture);
        return number + (random.Next(10) < 7 ? " kbps" : "kbps");
    }

    public static string Ms(double ms, Random random)
    {
        var rounded = (int)Math.Round(Math.Max(0, ms));
        return rounded.ToString(CultureInfo.InvariantCulture) + (rounded == 0 || random.Next(25) == 0 ? "ms" : " ms");
    }

    public static string Percent(double percent) =>
        Math.Round(Math.Clamp(percent, 0, 100), 1).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string WholePercent(double percent) =>
        ((int)Math.Round(Math.Clamp(percent, 0, 100))).ToString(CultureInfo.InvariantCulture) + "%";

    public static string Fps(int fps) => fps.ToString(CultureInfo.InvariantCulture) + " fps";

    public static string Resolution(int width, int height) =>
        width.ToString(CultureInfo.InvariantCulture) + "*" + height.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A normally distributed number (Box-Muller), for plausible spreads around a baseline.</summary>
    public static double Normal(Random random, double mean, double deviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
