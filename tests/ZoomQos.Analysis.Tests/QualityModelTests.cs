using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Analysis.Tests;

public sealed class QualityModelTests
{
    [Theory]
    [InlineData(20, 2, 0, 4.39)]
    [InlineData(100, 10, 1, 4.27)]
    [InlineData(150, 20, 1, 4.12)]
    [InlineData(150, 30, 3, 3.85)]
    [InlineData(250, 40, 5, 3.03)]
    [InlineData(300, 50, 10, 2.02)]
    public void The_e_model_test_vectors_hold_to_two_decimals(double latency, double jitter, double loss, double mos)
    {
        Assert.Equal(mos, Math.Round(EModel.Mos(latency, jitter, loss), 2));
    }

    [Theory]
    [InlineData(4.39, "good")]
    [InlineData(3.85, "fair")]
    [InlineData(3.30, "poor")]
    [InlineData(2.02, "bad")]
    public void Mos_bands_follow_g107(double mos, string band) => Assert.Equal(band, EModel.Band(mos));

    [Fact]
    public void An_attendees_idle_input_streams_are_unclassified_never_poor()
    {
        var facts = MinuteClassifier.Classify(Sample(input: Idle(), output: Audio("45 kbps", "60 ms", "3 ms", "0.1%", "0.5%")), 1, Thresholds.Default);

        Assert.Equal(Quality.Unclassified, facts.AudioIn.All);
        Assert.Equal(Quality.Good, facts.AudioOut.All);
        Assert.Equal(Quality.Good, facts.Overall);
        Assert.False(facts.SendsMedia);
    }

    [Theory]
    [InlineData("150 ms", "30 ms", "0.9%", "4.9%", Quality.Good)]
    [InlineData("151 ms", "3 ms", "0%", "0%", Quality.Fair)]
    [InlineData("401 ms", "3 ms", "0%", "0%", Quality.Poor)]
    [InlineData("60 ms", "31 ms", "0%", "0%", Quality.Fair)]
    [InlineData("60 ms", "51 ms", "0%", "0%", Quality.Poor)]
    [InlineData("60 ms", "3 ms", "1%", "1%", Quality.Fair)]
    [InlineData("60 ms", "3 ms", "5%", "5.5%", Quality.Poor)]
    [InlineData("60 ms", "3 ms", "0.2%", "10%", Quality.Fair)]
    [InlineData("60 ms", "3 ms", "0.2%", "10.5%", Quality.Poor)]
    public void Audio_minutes_take_the_worst_of_their_metrics(string latency, string jitter, string avgLoss, string maxLoss, Quality expected)
    {
        var facts = MinuteClassifier.Classify(Sample(input: Idle(), output: Audio("45 kbps", latency, jitter, avgLoss, maxLoss)), 1, Thresholds.Default);

        Assert.Equal(expected, facts.AudioOut.All);
    }

    [Fact]
    public void Teams_cqd_is_stricter_than_the_default()
    {
        var sample = Sample(input: Idle(), output: Audio("45 kbps", "260 ms", "35 ms", "2%", "3%"));

        Assert.Equal(Quality.Fair, MinuteClassifier.Classify(sample, 1, Thresholds.Default).AudioOut.All);
        Assert.Equal(Quality.Poor, MinuteClassifier.Classify(sample, 1, Thresholds.TeamsCqd).AudioOut.All);
        Assert.Same(Thresholds.TeamsCqd, Thresholds.ForPreset("teams-cqd"));
        Assert.Throws<ArgumentException>(() => Thresholds.ForPreset("strict"));
    }

    [Fact]
    public void A_thresholds_file_overrides_any_value_and_names_what_it_does_not_know()
    {
        var custom = Thresholds.Default.WithOverrides("""{"latency_poor_ms": 200, "min_active_minutes": 5}""");

        Assert.Equal(200, custom.LatencyPoorMs);
        Assert.Equal(5, custom.MinActiveMinutes);
        Assert.Equal(Thresholds.Default.JitterPoorMs, custom.JitterPoorMs);
        Assert.Equal(30, Thresholds.TeamsCqd.WithOverrides("""{"min_active_minutes": 4}""").JitterPoorMs);
        Assert.Contains("latency_poor", Assert.Throws<FormatException>(() => Thresholds.Default.WithOverrides("""{"latency_poo": 1}""")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Thresholds.Default.WithOverrides("""{"latency_poor_ms": "high"}"""));
        Assert.Throws<FormatException>(() => Thresholds.Default.WithOverrides("[1]"));
        Assert.Throws<FormatException>(() => Thresholds.Default.WithOverrides("{"));
    }

    [Fact]
    public void Fewer_than_three_active_minutes_is_insufficient_data_not_a_verdict()
    {
        var analyzer = new QosAnalyzer();
        analyzer.Add(Participant("1", Enumerable.Range(0, 2).Select(i => Sample(Idle(), Audio("45 kbps", "900 ms", "90 ms", "20%", "30%"), i)).ToArray()));
        analyzer.Add(Participant("2", Enumerable.Range(0, 3).Select(i => Sample(Idle(), Audio("45 kbps", "900 ms", "90 ms", "20%", "30%"), i)).ToArray()));

        var analysis = analyzer.Complete();

        Assert.Equal(ParticipantVerdict.InsufficientData, analysis.ParticipantResults.Single(p => p.UserId == "1").Verdict);
        Assert.Equal(ParticipantVerdict.Poor, analysis.ParticipantResults.Single(p => p.UserId == "2").Verdict);
        Assert.Equal(1, analysis.Insufficient);
    }

    [Fact]
    public void Panelists_are_the_sessions_whose_input_streams_carry_media()
    {
        var analysis = GroundTruthTests.Analyze(GroundTruthTests.Simulate(3, 60, 30, panelists: 2, faults: false));

        Assert.Equal(2, analysis.ParticipantResults.Count(p => p.IsPanelist));
        Assert.All(analysis.ParticipantResults.Where(p => !p.IsPanelist && p.Verdict != ParticipantVerdict.InsufficientData), p => Assert.True(p.MosEndToEnd));
    }

    [Fact]
    public void Breakdowns_group_blank_values_under_unknown_and_count_every_session()
    {
        var webinar = GroundTruthTests.Simulate(9, 200, 60, panelists: 2, faults: true);
        var analysis = GroundTruthTests.Analyze(webinar);

        Assert.Equal([Dimension.Location, Dimension.NetworkType, Dimension.Device, Dimension.Os, Dimension.ClientVersion, Dimension.DataCenter], analysis.Breakdowns.Keys.Order());
        Assert.All(analysis.Breakdowns.Values, rows => Assert.Equal(analysis.Participants, rows.Sum(r => r.Participants)));
        Assert.Contains(analysis.Breakdowns[Dimension.Location], r => r.Value == "unknown");
        Assert.DoesNotContain(analysis.Breakdowns[Dimension.Location], r => r.Value.Length == 0);
    }

    private static ParticipantQos Participant(string userId, QosSample[] samples) => new() { UserId = userId, UserName = "P" + userId, UserQos = samples };

    private static AudioQos Audio(string bitrate, string latency, string jitter, string avgLoss, string maxLoss) => new()
    {
        Bitrate = Bitrate.Parse(bitrate),
        Latency = Milliseconds.Parse(latency),
        Jitter = Milliseconds.Parse(jitter),
        AvgLoss = Percent.Parse(avgLoss),
        MaxLoss = Percent.Parse(maxLoss),
    };

    private static AudioQos Idle() => Audio(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    private static QosSample Sample(AudioQos input, AudioQos output, int minute = 0) => new()
    {
        DateTime = ZoomTimestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 1, 16, minute, 0, TimeSpan.Zero)),
        AudioInput = input,
        AudioOutput = output,
    };
}
