using System.Globalization;

namespace ZoomQos.Analysis;

/// <summary>
/// The second half of the analysis: once every session is in, the webinar's minutes are lined up, the
/// panelist → attendee correlation is made, each session's own causes are found (section 5), and the roll-ups
/// of section 4 are computed.
/// </summary>
internal sealed class Correlation(Thresholds t, List<SessionRecord> sessions, int seriesFor)
{
    private readonly Dictionary<long, int> _activeAttendees = [];
    private readonly Dictionary<long, int> _degradedAttendees = [];
    private readonly Dictionary<long, List<(SessionRecord Panelist, float Latency, float Kbps)>> _panelistInputs = [];
    private readonly HashSet<long> _panelistDegraded = [];
    private readonly List<Finding> _findings = [];

    public WebinarAnalysis Run()
    {
        LineUpMinutes();
        FindPanelistEpisodes();
        FindReconnections();
        foreach (var session in sessions)
        {
            FindOwnCauses(session);
        }

        var results = sessions.Select(RollUp).ToList();
        results.Sort((a, b) => b.Badness.CompareTo(a.Badness));
        var charted = new HashSet<string>(results.Where(r => r.IsPanelist).Select(r => r.UserId).Concat(results.Take(seriesFor).Select(r => r.UserId)), StringComparer.Ordinal);
        var byId = sessions.GroupBy(s => s.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        results = [.. results.Select(r => charted.Contains(r.UserId) ? r with { Series = Series(byId[r.UserId]) } : r)];

        var withVerdict = results.Count(r => r.Verdict != ParticipantVerdict.InsufficientData);
        var poor = results.Count(r => r.Verdict == ParticipantVerdict.Poor);
        var share = withVerdict == 0 ? 0 : (double)poor / withVerdict;
        var minutes = _activeAttendees.Keys.Concat(_panelistInputs.Keys).Concat(sessions.SelectMany(s => s.Minutes.Select(m => m.Minute))).ToList();
        return new WebinarAnalysis
        {
            Thresholds = t,
            Verdict = share >= t.WebinarCriticalShare ? WebinarVerdict.Critical : share >= t.WebinarDegradedShare ? WebinarVerdict.Degraded : WebinarVerdict.Healthy,
            Participants = results.Count,
            Poor = poor,
            Fair = results.Count(r => r.Verdict == ParticipantVerdict.Fair),
            Good = results.Count(r => r.Verdict == ParticipantVerdict.Good),
            Insufficient = results.Count(r => r.Verdict == ParticipantVerdict.InsufficientData),
            Findings = [.. _findings.OrderByDescending(f => f.Impact).ThenBy(f => f.From)],
            ParticipantResults = results,
            Breakdowns = Breakdowns(results),
            Timeline = Timeline(minutes),
            From = minutes.Count == 0 ? null : At(minutes.Min()),
            To = minutes.Count == 0 ? null : At(minutes.Max()),
        };
    }

    private static DateTimeOffset At(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);

    private static string Time(long minute) => At(minute).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static int Threshold(int active) => Math.Max(3, (int)Math.Ceiling(active * 0.10));

    // Minutes in runs: consecutive minutes, bridging gaps of at most `gap` minutes.
    private static List<(long From, long To)> Runs(IEnumerable<long> minutes, int gap, int minLength)
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

    private static double Percentile(List<double> sorted, double p)
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

    private static List<double> Sorted(IEnumerable<float> values)
    {
        var list = values.Where(v => !float.IsNaN(v)).Select(v => (double)v).ToList();
        list.Sort();
        return list;
    }

    private void LineUpMinutes()
    {
        foreach (var session in sessions)
        {
            foreach (var m in session.Minutes)
            {
                if (session.IsPanelist)
                {
                    if (m.AudioIn.Active)
                    {
                        if (!_panelistInputs.TryGetValue(m.Minute, out var inputs))
                        {
                            _panelistInputs[m.Minute] = inputs = [];
                        }

                        inputs.Add((session, m.AudioIn.Latency, m.AudioIn.Kbps));
                        if (m.AudioIn.Degraded && !m.AudioIn.Burst)
                        {
                            _panelistDegraded.Add(m.Minute);
                        }
                    }
                }
                else if (m.AudioOut.Active)
                {
                    _activeAttendees[m.Minute] = _activeAttendees.GetValueOrDefault(m.Minute) + 1;
                    if (m.AudioOut.Degraded && !m.AudioOut.Burst)
                    {
                        _degradedAttendees[m.Minute] = _degradedAttendees.GetValueOrDefault(m.Minute) + 1;
                    }
                }
            }
        }
    }

    // Section 5, row 3: a panelist's input degraded while many attendees' outputs degrade in the same minutes.
    private void FindPanelistEpisodes()
    {
        var episodeMinutes = _panelistDegraded.Where(m => _degradedAttendees.GetValueOrDefault(m) >= Threshold(_activeAttendees.GetValueOrDefault(m)));
        var inEpisode = new HashSet<long>();
        var lastMinute = sessions.SelectMany(s => s.Minutes).Select(m => m.Minute).DefaultIfEmpty(0).Max();
        foreach (var (from, to) in Runs(episodeMinutes, gap: 1, minLength: 1))
        {
            // Two minutes make an episode; one is enough at the live edge (the webinar is still going).
            if (to == from && to != lastMinute)
            {
                continue;
            }

            var panelist = sessions.Where(s => s.IsPanelist)
                .Select(s => (Session: s, Degraded: s.Minutes.Count(m => m.Minute >= from && m.Minute <= to && m.AudioIn.Degraded)))
                .OrderByDescending(x => x.Degraded).First().Session;
            var victims = new List<SessionRecord>();
            foreach (var attendee in sessions.Where(s => !s.IsPanelist))
            {
                int present = 0, hit = 0, outside = 0, outsideHit = 0;
                foreach (var m in attendee.Minutes.Where(m => m.AudioOut.Active))
                {
                    var during = m.Minute >= from && m.Minute <= to;
                    var degraded = m.AudioOut.Degraded && !m.AudioOut.Burst;
                    (present, hit, outside, outsideHit) = during
                        ? (present + 1, hit + (degraded ? 1 : 0), outside, outsideHit)
                        : (present, hit, outside + 1, outsideHit + (degraded ? 1 : 0));
                }

                // A victim suffered in most of the episode's minutes it was there, and not much otherwise (someone
                // degraded all along has a cause of their own).
                if (present >= Math.Min(2, to - from + 1) && hit * 2 >= present && outsideHit * 4 < Math.Max(1, outside))
                {
                    victims.Add(attendee);
                    for (var minute = from; minute <= to; minute++)
                    {
                        attendee.Explained.Add(minute);
                    }
                }
            }

            if (victims.Count < Threshold(0))
            {
                continue;
            }

            for (var minute = from; minute <= to; minute++)
            {
                inEpisode.Add(minute);
                panelist.Explained.Add(minute);
            }

            var lossDuring = Sorted(panelist.Minutes.Where(m => m.Minute >= from && m.Minute <= to).Select(m => m.AudioIn.AvgLoss));
            var jitterDuring = Sorted(panelist.Minutes.Where(m => m.Minute >= from && m.Minute <= to).Select(m => m.AudioIn.Jitter));
            var present2 = Enumerable.Range(0, (int)(to - from + 1)).Select(i => _activeAttendees.GetValueOrDefault(from + i)).DefaultIfEmpty(0).Max();
            _findings.Add(new Finding(
                CauseKind.PanelistUplink,
                "Unstable audio",
                $"the panelist {panelist.Name}'s uplink",
                panelist.UserId,
                panelist.Name,
                [.. victims.Select(v => v.UserId)],
                At(from),
                At(to),
                string.Create(CultureInfo.InvariantCulture,
                    $"{panelist.Name}'s input lost {Percentile(lossDuring, 0.5):0.#} % (jitter {Percentile(jitterDuring, 0.5):0} ms) from {Time(from)} to {Time(to)} UTC; in those minutes {victims.Count} of {present2} attendees' downlinks degraded together, and not before or after. One cause, many victims: fix the panelist's network (wired, or another connection) first.")));
        }

        // A panelist's input degraded with no victims: their own uplink.
        foreach (var panelist in sessions.Where(s => s.IsPanelist))
        {
            var own = panelist.Minutes.Where(m => m.AudioIn.Degraded && !m.AudioIn.Burst && !inEpisode.Contains(m.Minute) && !(m.RssiAvg < t.WifiWeakDbm)).Select(m => m.Minute);
            foreach (var (from, to) in Runs(own, gap: 1, minLength: 2))
            {
                _findings.Add(new Finding(CauseKind.ParticipantUplink, "Unstable audio", $"{panelist.Name}'s uplink", panelist.UserId, panelist.Name, [panelist.UserId], At(from), At(to),
                    $"{panelist.Name}'s input leg degraded from {Time(from)} to {Time(to)} UTC while their output stayed fine and no attendee suffered with it."));
                for (var minute = from; minute <= to; minute++)
                {
                    panelist.Explained.Add(minute);
                }
            }
        }
    }

    private void FindReconnections()
    {
        foreach (var person in sessions.Where(s => s.PersonKey is not null && s.Join is not null).GroupBy(s => s.PersonKey!, StringComparer.Ordinal))
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
                _findings.Add(new Finding(CauseKind.Reconnection, "Call reconnection problems", $"{left.Name} dropped out and rejoined", left.UserId, left.Name, [left.UserId, back.UserId], At(from), At(to),
                    string.Create(CultureInfo.InvariantCulture, $"session {left.UserId} left at {leave:HH:mm:ss} and the same person rejoined at {back.Join:HH:mm:ss} UTC as session {back.UserId} ({(back.Join.Value - leave).TotalMinutes:0.#} minutes without media).")));
            }
        }
    }

    private void FindOwnCauses(SessionRecord s)
    {
        var minutes = s.Minutes;
        if (minutes.Length == 0)
        {
            return;
        }

        void Add(CauseKind kind, string alert, string title, long from, long to, string evidence, bool explain = true)
        {
            _findings.Add(new Finding(kind, alert, title, s.UserId, s.Name, [s.UserId], At(from), At(to), evidence));
            if (explain)
            {
                for (var minute = from; minute <= to; minute++)
                {
                    s.Explained.Add(minute);
                }
            }
        }

        // High CPU: CPU poor (or pressure serious/critical) for a few minutes in a row.
        foreach (var (from, to) in Runs(minutes.Where(m => m.Cpu == Quality.Poor).Select(m => m.Minute), gap: 0, minLength: t.CpuPoorMinutes))
        {
            var during = minutes.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            var fps = Sorted(during.Select(m => m.VideoOut.Fps));
            var loss = Sorted(during.Select(m => m.AudioOut.Active ? m.AudioOut.AvgLoss : m.AudioIn.AvgLoss));
            Add(CauseKind.HighCpu, "High CPU usage", $"high CPU on {s.Name}'s device", from, to, string.Create(CultureInfo.InvariantCulture,
                $"system CPU at {during.Max(m => m.CpuSystemMax):0} % (pressure serious or critical) from {Time(from)} to {Time(to)} UTC; video fell to {Percentile(fps, 0.5):0.#} fps while loss stayed at {Percentile(loss, 0.5):0.#} %: close other applications, or lower the video resolution."));
        }

        // Bursty congestion: max-loss spikes with low average loss.
        var bursts = minutes.Where(m => m.AudioOut.Burst || m.AudioIn.Burst).Select(m => m.Minute).ToList();
        if (bursts.Count >= 2)
        {
            var peaks = minutes.Where(m => m.AudioOut.Burst || m.AudioIn.Burst).Select(m => Math.Max(m.AudioOut.MaxLoss is var o && !float.IsNaN(o) ? o : 0, m.AudioIn.MaxLoss is var i && !float.IsNaN(i) ? i : 0)).ToList();
            Add(CauseKind.BurstyCongestion, "Unstable audio", $"bursty congestion on {s.Name}'s network", bursts.Min(), bursts.Max(), string.Create(CultureInfo.InvariantCulture,
                $"{bursts.Count} minutes between {Time(bursts.Min())} and {Time(bursts.Max())} UTC with max loss spikes up to {peaks.Max():0} % while average loss stayed under {t.AvgLossGoodPct:0.#} %: typically Wi-Fi contention; a wired connection or a less busy channel helps."));
        }

        // Distance or VPN: latency high but steady, jitter and loss low.
        var legs = minutes.Select(m => s.IsPanelist && m.AudioIn.Active ? m.AudioIn : m.AudioOut).Where(l => l.Active).ToList();
        var latency = Sorted(legs.Select(l => l.Latency));
        if (latency.Count >= t.MinActiveMinutes)
        {
            var (p50, spread) = (Percentile(latency, 0.5), Percentile(latency, 0.9) - Percentile(latency, 0.1));
            var jitter = Percentile(Sorted(legs.Select(l => l.Jitter)), 0.5);
            var loss = Percentile(Sorted(legs.Select(l => l.AvgLoss)), 0.5);
            if (p50 > t.LatencyGoodMs && spread <= 40 && jitter <= t.JitterGoodMs && loss < t.AvgLossGoodPct)
            {
                var high = minutes.Where(m => (s.IsPanelist && m.AudioIn.Active ? m.AudioIn : m.AudioOut).Latency > t.LatencyGoodMs).Select(m => m.Minute).ToList();
                Add(CauseKind.DistanceOrVpn, "Unstable audio", $"a long network path for {s.Name}", high.Min(), high.Max(), string.Create(CultureInfo.InvariantCulture,
                    $"latency {p50:0} ms, steady (spread {spread:0} ms), with jitter {jitter:0} ms and loss {loss:0.#} %: distance or a VPN path — {(s.Location.Length == 0 ? "location unknown" : s.Location)} connected through data centre {(s.DataCenter.Length == 0 ? "unknown" : s.DataCenter)}. Connect outside the VPN or through a nearer data centre."));
            }
        }

        // Bandwidth adaptation: video bitrate steps down while loss stays low (and CPU is fine).
        var video = minutes.Where(m => m.VideoOut.Active && !float.IsNaN(m.VideoOut.Kbps)).ToList();
        if (video.Count >= 6)
        {
            var baseline = Percentile(Sorted(video.Take(5).Select(m => m.VideoOut.Kbps)), 0.5);
            var stepped = video.Where(m => m.VideoOut.Kbps < 0.6 * baseline && !(m.VideoOut.AvgLoss >= t.AvgLossGoodPct) && m.Cpu != Quality.Poor).Select(m => m.Minute);
            foreach (var (from, to) in Runs(stepped, gap: 2, minLength: 3))
            {
                var low = video.Where(m => m.Minute >= from && m.Minute <= to).ToList();
                Add(CauseKind.BandwidthAdaptation, "Unstable video", $"bandwidth adaptation on {s.Name}'s downlink", from, to, string.Create(CultureInfo.InvariantCulture,
                    $"received video stepped down from {baseline:0} kbps to {low.Min(m => m.VideoOut.Kbps):0} kbps ({low.Min(m => m.VideoOut.Height):0}p) from {Time(from)} to {Time(to)} UTC while loss stayed under {t.AvgLossGoodPct:0.#} %: bandwidth adaptation, not packet loss — the connection's capacity dropped."), explain: false);
            }
        }

        // Weak Wi-Fi: degraded minutes with an average signal below −70 dBm.
        var weak = minutes.Where(m => (m.AudioOut.Degraded || m.AudioIn.Degraded) && m.RssiAvg < t.WifiWeakDbm && !s.Explained.Contains(m.Minute)).Select(m => m.Minute);
        foreach (var (from, to) in Runs(weak, gap: 2, minLength: 2))
        {
            var rssi = Percentile(Sorted(minutes.Where(m => m.Minute >= from && m.Minute <= to).Select(m => m.RssiAvg)), 0.5);
            Add(CauseKind.WeakWifi, "Unstable audio", $"weak Wi-Fi for {s.Name}", from, to, string.Create(CultureInfo.InvariantCulture,
                $"loss and jitter from {Time(from)} to {Time(to)} UTC with a Wi-Fi signal of {rssi:0} dBm (weak below {t.WifiWeakDbm:0}): move closer to the access point or use a cable."));
        }

        // One attendee's downlink: their output degraded in minutes when few others' was.
        var alone = minutes.Where(m => m.AudioOut.Degraded && !m.AudioOut.Burst && !s.Explained.Contains(m.Minute)
            && _degradedAttendees.GetValueOrDefault(m.Minute) < Threshold(_activeAttendees.GetValueOrDefault(m.Minute))).Select(m => m.Minute);
        foreach (var (from, to) in Runs(alone, gap: 1, minLength: 2))
        {
            var during = minutes.Where(m => m.Minute >= from && m.Minute <= to).ToList();
            Add(CauseKind.AttendeeDownlink, "Unstable audio", $"{s.Name}'s downlink or device", from, to, string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} received with {Percentile(Sorted(during.Select(m => m.AudioOut.AvgLoss)), 0.5):0.#} % loss and {Percentile(Sorted(during.Select(m => m.AudioOut.Jitter)), 0.5):0} ms jitter from {Time(from)} to {Time(to)} UTC while other attendees were fine: their own connection or device."));
        }

        // Screen share below 2 fps with loss, when no network cause found above explains it (a panelist's uplink
        // or a participant's own downlink shows in the shared screen too).
        var share = minutes.Where(m => m.ShareOut.All == Quality.Poor && !m.AudioOut.Degraded && !s.Explained.Contains(m.Minute)).Select(m => m.Minute);
        foreach (var (from, to) in Runs(share, gap: 1, minLength: 2))
        {
            Add(CauseKind.PoorScreenShare, "Poor screen share quality", $"poor screen share for {s.Name}", from, to,
                $"shared screen below {t.ShareFpsPoor:0} fps with {t.ShareLossPoorPct:0} % loss or more from {Time(from)} to {Time(to)} UTC.");
        }
    }

    private float PanelistLatency(long minute)
    {
        if (!_panelistInputs.TryGetValue(minute, out var inputs))
        {
            return float.NaN;
        }

        var speaking = inputs.MaxBy(i => float.IsNaN(i.Kbps) ? 0 : i.Kbps);
        return speaking.Latency;
    }

    private (double? Mos, bool EndToEnd) Mos(SessionRecord s, in MinuteFacts m)
    {
        var leg = m.AudioOut.Active ? m.AudioOut : m.AudioIn;
        if (!leg.Active || float.IsNaN(leg.Latency) || float.IsNaN(leg.Jitter))
        {
            return (null, false);
        }

        var loss = float.IsNaN(leg.AvgLoss) ? 0 : leg.AvgLoss;
        var panelist = s.IsPanelist || !m.AudioOut.Active ? float.NaN : PanelistLatency(m.Minute);
        return float.IsNaN(panelist)
            ? (EModel.Mos(leg.Latency, leg.Jitter, loss), false)
            : (EModel.Mos(panelist + leg.Latency, leg.Jitter, loss), true);
    }

    private ParticipantAnalysis RollUp(SessionRecord s)
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
        double? p10 = mos.Count == 0 ? null : Percentile(mos, 0.10);
        var verdict = active < t.MinActiveMinutes ? ParticipantVerdict.InsufficientData
            : poorAudio >= t.ParticipantPoorShare * active || p10 < t.ParticipantMosP10Poor ? ParticipantVerdict.Poor
            : fairOrWorse >= t.ParticipantFairShare * active ? ParticipantVerdict.Fair
            : ParticipantVerdict.Good;

        var poorMinutes = s.Minutes.Where(m => m.AudioIn.Net == Quality.Poor || m.AudioOut.Net == Quality.Poor).Select(m => m.Minute).ToHashSet();
        var causes = _findings
            .Where(f => f.AffectedUserIds.Contains(s.UserId, StringComparer.Ordinal) || (f.CauseUserId == s.UserId && f.Kind != CauseKind.PanelistUplink))
            .OrderByDescending(f => poorMinutes.Count(m => At(m) >= f.From && At(m) <= f.To))
            .ThenByDescending(f => f.Impact)
            .ToList();

        return new ParticipantAnalysis
        {
            UserId = s.UserId,
            Name = s.Name,
            Email = s.Email,
            IsPanelist = s.IsPanelist,
            Dimensions = s.Dimensions,
            ActiveMinutes = active,
            PoorAudioMinutes = poorAudio,
            FairOrWorseMinutes = fairOrWorse,
            Verdict = verdict,
            MosP10 = p10,
            MosP50 = mos.Count == 0 ? null : Percentile(mos, 0.5),
            MosEndToEnd = endToEnd,
            Metrics = Metrics(s),
            Causes = causes,
            Series = [],
        };
    }

    private static Dictionary<string, MetricStats> Metrics(SessionRecord s)
    {
        MetricStats Stats(IEnumerable<float> values)
        {
            var sorted = Sorted(values);
            return sorted.Count == 0 ? new MetricStats(null, null, null) : new MetricStats(Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[^1]);
        }

        var inputs = s.Minutes.Where(m => m.AudioIn.Active).ToList();
        var outputs = s.Minutes.Where(m => m.AudioOut.Active).ToList();
        return new Dictionary<string, MetricStats>(StringComparer.Ordinal)
        {
            ["latency_ms out"] = Stats(outputs.Select(m => m.AudioOut.Latency)),
            ["jitter_ms out"] = Stats(outputs.Select(m => m.AudioOut.Jitter)),
            ["avg_loss_pct out"] = Stats(outputs.Select(m => m.AudioOut.AvgLoss)),
            ["max_loss_pct out"] = Stats(outputs.Select(m => m.AudioOut.MaxLoss)),
            ["latency_ms in"] = Stats(inputs.Select(m => m.AudioIn.Latency)),
            ["jitter_ms in"] = Stats(inputs.Select(m => m.AudioIn.Jitter)),
            ["avg_loss_pct in"] = Stats(inputs.Select(m => m.AudioIn.AvgLoss)),
            ["max_loss_pct in"] = Stats(inputs.Select(m => m.AudioIn.MaxLoss)),
        };
    }

    private List<MinutePoint> Series(SessionRecord s)
    {
        static double? N(float v) => float.IsNaN(v) ? null : Math.Round(v, 2);
        static float Worse(float a, float b) => float.IsNaN(a) ? b : float.IsNaN(b) ? a : Math.Max(a, b);
        return [.. s.Minutes.Select(m => new MinutePoint(
            At(m.Minute),
            N(Worse(m.AudioIn.AvgLoss, m.AudioOut.AvgLoss)),
            N(Worse(m.AudioIn.Jitter, m.AudioOut.Jitter)),
            N(Worse(m.AudioIn.Latency, m.AudioOut.Latency)),
            N(s.IsPanelist && m.AudioIn.Active ? m.AudioIn.Kbps : m.AudioOut.Kbps),
            N(s.IsPanelist && m.VideoIn.Active ? m.VideoIn.Fps : m.VideoOut.Fps),
            Mos(s, m).Mos is { } mos ? Math.Round(mos, 2) : null,
            m.AudioIn.Net == Quality.Poor || m.AudioOut.Net == Quality.Poor ? Quality.Poor : m.Overall))];
    }

    private static Dictionary<string, IReadOnlyList<BreakdownRow>> Breakdowns(List<ParticipantAnalysis> results)
    {
        string[] dimensions = ["location", "network_type", "device", "os", "client_version", "data_center"];
        return dimensions.ToDictionary(
            d => d,
            d => (IReadOnlyList<BreakdownRow>)[.. results
                .GroupBy(r => r.Dimensions[d], StringComparer.Ordinal)
                .Select(g => new BreakdownRow(
                    g.Key,
                    g.Count(),
                    g.Count(r => r.Verdict == ParticipantVerdict.Poor),
                    g.Count(r => r.Verdict == ParticipantVerdict.Fair),
                    g.Count(r => r.Verdict == ParticipantVerdict.Good),
                    g.Count(r => r.Verdict == ParticipantVerdict.InsufficientData)))
                .OrderByDescending(r => r.Poor).ThenByDescending(r => r.Participants).ThenBy(r => r.Value, StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    private List<TimelinePoint> Timeline(List<long> minutes)
    {
        if (minutes.Count == 0)
        {
            return [];
        }

        var (first, last) = (minutes.Min(), minutes.Max());
        return [.. Enumerable.Range(0, (int)Math.Min(last - first + 1, 7 * 24 * 60)).Select(i => first + i).Select(m => new TimelinePoint(
            At(m), _activeAttendees.GetValueOrDefault(m), _degradedAttendees.GetValueOrDefault(m), _panelistDegraded.Contains(m)))];
    }
}
