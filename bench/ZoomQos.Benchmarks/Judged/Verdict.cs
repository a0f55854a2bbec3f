namespace ZoomQos.Benchmarks.Judged;

/// <summary>
/// The verdict of a judged bench run: each threshold checked, then one line, <c>NAME: PASS</c> or <c>NAME: FAIL</c>
/// with the thresholds missed, and the exit code that says the same (0 or 1). Figures are printed by the run itself.
/// </summary>
internal sealed class Verdict(string name)
{
    private readonly List<string> _missed = [];

    public void Check(bool held, string threshold)
    {
        if (!held)
        {
            _missed.Add(threshold);
        }
    }

    public int Report()
    {
        Console.WriteLine(_missed.Count == 0 ? $"{name}: PASS" : $"{name}: FAIL ({string.Join("; ", _missed)})");
        return _missed.Count == 0 ? 0 : 1;
    }
}
