using System.Globalization;

namespace ZoomQos.Analysis;

/// <summary>Minutes as the analysis keeps them (Unix minutes), as moments and as the "HH:mm" the evidence shows.</summary>
internal static class UtcMinute
{
    public static DateTimeOffset At(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);

    public static string Time(long minute) => At(minute).ToString("HH:mm", CultureInfo.InvariantCulture);
}
