namespace ZoomQos.Analysis.RollUps;

/// <summary>
/// Section 4 for one session: its active and poor minutes, its MOS (end to end where a panelist's input leg is known),
/// its verdict, its metrics and the causes that touched it, most relevant first.
/// </summary>
internal sealed class ParticipantRollUp(Thresholds t, WebinarMinutes minutes, IReadOnlyList<Finding> findings)
{
    public ParticipantAnalysis Of(SessionRecord s)
    {
        var active = 0;
        var poorAudio = 0;
        var fairOrWorse = 0;
        var mos = new List<double>();
        var endToEnd = false;
        foreach (var m in s.Minutes)
        {
            if (!m.Active)
            {
                continue;
            }

            active++;
            if (m.AudioIn.Net == Quality.Poor || m.AudioOut.Net == Quality.Poor)
            {
                poorAudio++;
            }

            if (m.Overall >= Quality.Fair)
            {
                fairOrWorse++;
            }

            if (Mos(s, m) is ({ } score, var e2e))
            {
                mos.Add(score);
                endToEnd |= e2e;
            }
        }

        mos.Sort();
        double? p10 = mos.Count == 0 ? null : Stats.Percentile(mos, 0.10);
        var verdict = active < t.MinActiveMinutes ? ParticipantVerdict.InsufficientData
            : poorAudio >= t.ParticipantPoorShare * active || p10 < t.ParticipantMosP10Poor ? ParticipantVerdict.Poor
            : fairOrWorse >= t.ParticipantFairShare * active ? ParticipantVerdict.Fair
            : ParticipantVerdict.Good;

        var poorMinutes = s.Minutes.Where(m => m.AudioIn.Net == Quality.Poor || m.AudioOut.Net == Quality.Poor).Select(m => m.Minute).ToHashSet();
        var causes = findings
            .Where(f => f.AffectedUserIds.Contains(s.UserId, StringComparer.Ordinal) || (f.CauseUserId == s.UserId && !f.Kind.IsEpisode))
            .OrderByDescending(f => poorMinutes.Count(m => UtcMinute.At(m) >= f.From && UtcMinute.At(m) <= f.To))
            .ThenByDescending(f => f.Impact)
            .ToList();

        return new ParticipantAnalysis
        {
            UserId = s.UserId,
            Name = s.Name,
            Email = s.Email,
            IsPanelist = s.IsPanelist && !minutes.IsMeeting,
            Dimensions = s.Dimensions,
            ActiveMinutes = active,
            PoorAudioMinutes = poorAudio,
            FairOrWorseMinutes = fairOrWorse,
            Verdict = verdict,
            MosP10 = p10,
            MosP50 = mos.Count == 0 ? null : Stats.Percentile(mos, 0.5),
            MosEndToEnd = endToEnd,
            Metrics = Metrics(s),
            Causes = causes,
            Series = [],
        };
    }

    /// <summary>A minute's estimated MOS (section 3): an attendee's with the speaking panelist's input latency added, when known.</summary>
    public (double? Mos, bool EndToEnd) Mos(SessionRecord s, in MinuteFacts m)
    {
        var leg = m.AudioOut.Active ? m.AudioOut : m.AudioIn;
        if (!leg.Active || float.IsNaN(leg.Latency) || float.IsNaN(leg.Jitter))
        {
            return (null, false);
        }

        var loss = float.IsNaN(leg.AvgLoss) ? 0 : leg.AvgLoss;
        var panelist = s.IsPanelist || !m.AudioOut.Active ? float.NaN : minutes.PanelistLatency(m.Minute);
        return float.IsNaN(panelist)
            ? (EModel.Mos(leg.Latency, leg.Jitter, loss), false)
            : (EModel.Mos(panelist + leg.Latency, leg.Jitter, loss), true);
    }

    private static Dictionary<string, MetricStats> Metrics(SessionRecord s)
    {
        static MetricStats Of(IEnumerable<float> values)
        {
            var sorted = Stats.Sorted(values);
            return sorted.Count == 0 ? new MetricStats(null, null, null) : new MetricStats(Stats.Percentile(sorted, 0.5), Stats.Percentile(sorted, 0.95), sorted[^1]);
        }

        var inputs = s.Minutes.Where(m => m.AudioIn.Active).ToList();
        var outputs = s.Minutes.Where(m => m.AudioOut.Active).ToList();
        return new Dictionary<string, MetricStats>(StringComparer.Ordinal)
        {
            ["latency_ms out"] = Of(outputs.Select(m => m.AudioOut.Latency)),
            ["jitter_ms out"] = Of(outputs.Select(m => m.AudioOut.Jitter)),
            ["avg_loss_pct out"] = Of(outputs.Select(m => m.AudioOut.AvgLoss)),
            ["max_loss_pct out"] = Of(outputs.Select(m => m.AudioOut.MaxLoss)),
            ["latency_ms in"] = Of(inputs.Select(m => m.AudioIn.Latency)),
            ["jitter_ms in"] = Of(inputs.Select(m => m.AudioIn.Jitter)),
            ["avg_loss_pct in"] = Of(inputs.Select(m => m.AudioIn.AvgLoss)),
            ["max_loss_pct in"] = Of(inputs.Select(m => m.AudioIn.MaxLoss)),
        };
    }
}
