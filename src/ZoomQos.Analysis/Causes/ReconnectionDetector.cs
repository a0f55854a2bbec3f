using System.Globalization;
using static ZoomQos.Analysis.UtcMinute;

namespace ZoomQos.Analysis.Causes;

/// <summary>Section 5, last row: the same person leaving and joining again (Zoom's "Call reconnection problems").</summary>
internal sealed class ReconnectionDetector : ICauseDetector
{
    public CauseKind Kind => CauseKind.Reconnection;

    public CauseScope Scope => CauseScope.Webinar;

    public int Order => 30;

    public CauseResult Detect(CauseContext context)
    {
        var findings = new List<Finding>();
        foreach (var person in context.Sessions.Where(s => s.PersonKey is not null && s.Join is not null).GroupBy(s => s.PersonKey!, StringComparer.Ordinal))
        {
            var ordered = person.OrderBy(s => s.Join).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (left, back) = (ordered[i - 1], ordered[i]);
                if (left.Leave is not { } leave || back.Join!.Value <= leave)
                {
                    continue;
                }

                var from = leave.ToUnixTimeSeconds() / 60;
                var to = back.Join.Value.ToUnixTimeSeconds() / 60;
                findings.Add(new Finding(Kind, "Call reconnection problems", $"{left.Name} dropped out and rejoined", left.UserId, left.Name, [left.UserId, back.UserId], At(from), At(to),
                    string.Create(CultureInfo.InvariantCulture, $"session {left.UserId} left at {leave:HH:mm:ss} and the same person rejoined at {back.Join:HH:mm:ss} UTC as session {back.UserId} ({(back.Join.Value - leave).TotalMinutes:0.#} minutes without media).")));
            }
        }

        return new CauseResult(findings, []);
    }
}
