using System.Globalization;
using ZoomQos.Contracts.Enums;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Simulation;

/// <summary>
/// Makes one session's per-minute samples from its plan: plausible baselines with noise, every planted fault
/// shaped as the quality model describes it, values written as Zoom writes them, idle streams as "" and "0*0".
/// </summary>
internal sealed class SampleFactory(SessionPlan session, int shareFromMinute, int shareToMinute)
{
    private readonly Random _random = new(session.Seed);
    private readonly Person _person = session.Person;

    public QosSample Sample(int minute, DateTimeOffset at)
    {
        var audioIn = _person.IsPanelist ? Audio(minute, uplink: true) : IdleAudio();
        var audioOut = Audio(minute, uplink: false);
        var sharing = minute >= shareFromMinute && minute <= shareToMinute;
        var cpu = _person.ReportsCpu ? Cpu(minute) : null;
        var sample = new QosSample
        {
            DateTime = ZoomTimestamp.Parse(ZoomText.Time(at)),
            AudioInput = audioIn,
            AudioOutput = audioOut,
            VideoInput = !_person.HasVideo ? null : _person.IsPanelist ? Video(minute, uplink: true, cpu) : IdleVideo(),
            VideoOutput = _person.HasVideo ? Video(minute, uplink: false, cpu) : null,
            AsInput = !_person.HasVideo ? null : _person.IsPresenter && sharing ? Share(minute, uplink: true) : IdleVideo(),
            AsOutput = !_person.HasVideo ? null : sharing && !_person.IsPresenter ? Share(minute, uplink: false) : IdleVideo(),
            CpuUsage = cpu?.Usage,
            CpuPressureLevel = cpu is { } c && _person.Device == "Mac" ? c.Pressure : null,
            WifiRssi = _person.OnWifi ? WifiSignal() : null,
        };

        if (_person.Device == "H.323/SIP")
        {
            // Room systems reach Zoom through a cloud room connector: Zoom reports the device legs too.
            sample = sample with
            {
                AudioDeviceFromCrc = Audio(minute, uplink: true),
                AudioDeviceToCrc = Audio(minute, uplink: false),
                VideoDeviceFromCrc = Video(minute, uplink: true, null),
                VideoDeviceToCrc = Video(minute, uplink: false, null),
                AsDeviceFromCrc = sample.AsInput,
                AsDeviceToCrc = sample.AsOutput,
            };
        }
        else if (_person.Client == "Web")
        {
            // A browser reaches Zoom through its web gateway (RWG): Zoom reports the gateway's legs, which carry the
            // client's own media (the same figures; no draw of their own, so the client's legs stay as they were).
            sample = sample with
            {
                AudioDeviceFromRwg = audioIn,
                AudioDeviceToRwg = audioOut,
                VideoDeviceFromRwg = sample.VideoInput,
                VideoDeviceToRwg = sample.VideoOutput,
                AsDeviceFromRwg = sample.AsInput,
                AsDeviceToRwg = sample.AsOutput,
            };
        }

        return sample;
    }

    private (double Latency, double Jitter, double AvgLoss, double MaxLoss) Link(int minute, bool uplink)
    {
        var latency = _person.BaseLatency + ZoomText.Normal(_random, 0, _person.BaseLatency > 300 ? 3 : 4);
        var jitter = _person.BaseJitter + Math.Abs(ZoomText.Normal(_random, 0, 1.5));
        var avgLoss = Math.Max(0, _person.BaseLoss + ZoomText.Normal(_random, 0, 0.08));
        var maxLoss = avgLoss + Math.Abs(ZoomText.Normal(_random, 0, 0.6));

        var wifi = session.EffectAt(FaultKind.WeakWifi, minute);
        if (wifi is not null)
        {
            avgLoss = 3 + (_random.NextDouble() * 5);
            maxLoss = avgLoss + 3 + (_random.NextDouble() * 6);
            jitter = 38 + (_random.NextDouble() * 32);
        }

        if (uplink && session.UplinkEffectAt(minute) is { IsCause: true })
        {
            avgLoss = 6 + (_random.NextDouble() * 9);
            maxLoss = avgLoss + 5 + (_random.NextDouble() * 10);
            jitter = 60 + (_random.NextDouble() * 60);
        }

        if (!uplink && session.UplinkEffectAt(minute) is { IsCause: false })
        {
            avgLoss = 5 + (_random.NextDouble() * 7);
            maxLoss = avgLoss + 4 + (_random.NextDouble() * 8);
            jitter = 50 + (_random.NextDouble() * 40);
        }

        if (!uplink && session.EffectAt(FaultKind.AttendeeDownlink, minute) is not null)
        {
            avgLoss = 5 + (_random.NextDouble() * 5);
            maxLoss = avgLoss + 3 + (_random.NextDouble() * 7);
            jitter = 50 + (_random.NextDouble() * 30);
        }

        if (session.EffectAt(FaultKind.BurstyLoss, minute) is not null && _random.Next(4) == 0)
        {
            avgLoss = 0.4 + (_random.NextDouble() * 0.5);
            maxLoss = 15 + (_random.NextDouble() * 15);
            jitter = 40 + (_random.NextDouble() * 40);
        }

        return (latency, jitter, avgLoss, maxLoss);
    }

    private AudioQos Audio(int minute, bool uplink)
    {
        var (latency, jitter, avgLoss, maxLoss) = Link(minute, uplink);
        var kbps = Math.Clamp(ZoomText.Normal(_random, uplink ? 52 : 46, 6), 26, 80);
        return new AudioQos
        {
            Bitrate = Bitrate.Parse(ZoomText.Kbps(kbps, _random)),
            Latency = Milliseconds.Parse(ZoomText.Ms(latency, _random)),
            Jitter = Milliseconds.Parse(ZoomText.Ms(jitter, _random)),
            AvgLoss = Percent.Parse(ZoomText.Percent(avgLoss)),
            MaxLoss = Percent.Parse(ZoomText.Percent(maxLoss)),
        };
    }

    private VideoQos Video(int minute, bool uplink, CpuMinute? cpu)
    {
        var (latency, jitter, avgLoss, maxLoss) = Link(minute, uplink);
        var mobile = _person.Device is "iOS" or "Android";
        var (width, height, ladderKbps) = uplink || !mobile ? (1280, 720, 1200.0) : (640, 360, 600.0);
        var fps = 25 + _random.Next(6); // healthy video meets the quality model's "good" (25 fps at 360p and more)

        if (!uplink && session.EffectAt(FaultKind.BandwidthStepDown, minute) is { } step)
        {
            var steps = minute < step.FromMinute + ((step.ToMinute - step.FromMinute) / 3) ? 1 : 2;
            (width, height, ladderKbps) = steps == 1 ? (640, 360, 600.0) : (320, 180, 300.0);
            avgLoss = Math.Min(avgLoss, 0.3);
            maxLoss = Math.Min(maxLoss, 1.2);
        }

        if (cpu is { Overloaded: true })
        {
            (width, height) = (320, 180);
            fps = 3 + _random.Next(4);
            ladderKbps = 250;
        }

        var kbps = ladderKbps * (1.0 + (_random.NextDouble() * 0.2)); // at or above Zoom's ladder for the resolution
        return new VideoQos
        {
            Bitrate = Bitrate.Parse(ZoomText.Kbps(kbps, _random)),
            Latency = Milliseconds.Parse(ZoomText.Ms(latency, _random)),
            Jitter = Milliseconds.Parse(ZoomText.Ms(jitter, _random)),
            AvgLoss = Percent.Parse(ZoomText.Percent(avgLoss)),
            MaxLoss = Percent.Parse(ZoomText.Percent(maxLoss)),
            Resolution = Resolution.Parse(ZoomText.Resolution(width, height)),
            FrameRate = FrameRate.Parse(ZoomText.Fps(fps)),
        };
    }

    private VideoQos Share(int minute, bool uplink)
    {
        var (latency, jitter, avgLoss, maxLoss) = Link(minute, uplink);
        return new VideoQos
        {
            Bitrate = Bitrate.Parse(ZoomText.Kbps(60 + (_random.NextDouble() * 240), _random)),
            Latency = Milliseconds.Parse(ZoomText.Ms(latency, _random)),
            Jitter = Milliseconds.Parse(ZoomText.Ms(jitter, _random)),
            AvgLoss = Percent.Parse(ZoomText.Percent(avgLoss)),
            MaxLoss = Percent.Parse(ZoomText.Percent(maxLoss)),
            Resolution = Resolution.Parse(ZoomText.Resolution(1920, 1080)),
            FrameRate = FrameRate.Parse(ZoomText.Fps(1 + _random.Next(5))), // slides: 1-5 fps is normal
        };
    }

    private CpuMinute Cpu(int minute)
    {
        var overloaded = session.EffectAt(FaultKind.HighCpu, minute) is not null;
        var system = overloaded ? 92 + _random.Next(8) : Math.Clamp(ZoomText.Normal(_random, _person.BaseCpu, 6), 8, 80);
        var zoomAvg = overloaded ? 55 + _random.Next(20) : 8 + _random.Next(12);
        var pressure = system switch { >= 96 => "critical", >= 90 => "serious", >= 70 => "fair", _ => "normal" };
        var usage = new CpuUsage
        {
            ZoomMinCpuUsage = CpuPercent.Parse(ZoomText.WholePercent(zoomAvg * 0.5)),
            ZoomAvgCpuUsage = CpuPercent.Parse(ZoomText.WholePercent(zoomAvg)),
            ZoomMaxCpuUsage = CpuPercent.Parse(ZoomText.WholePercent(Math.Min(100, zoomAvg * 1.6))),
            SystemMaxCpuUsage = CpuPercent.Parse(ZoomText.WholePercent(system)),
        };
        var level = new CpuPressureLevel
        {
            SystemMinCpuPressureLevel = ZoomChoice<CpuPressures>.Parse(overloaded ? "fair" : "normal"),
            SystemAvgCpuPressureLevel = ZoomChoice<CpuPressures>.Parse(overloaded ? "serious" : pressure == "fair" ? "fair" : "normal"),
            SystemMaxCpuPressureLevel = ZoomChoice<CpuPressures>.Parse(pressure),
        };
        return new CpuMinute(usage, level, overloaded);
    }

    private WifiRssi WifiSignal()
    {
        // Zoom sends RSSI as JSON integers, not strings.
        var avg = (int)Math.Round(_person.BaseRssi + ZoomText.Normal(_random, 0, 2));
        return new WifiRssi
        {
            MaxRssi = Rssi.ParseJsonLiteral((avg + 3 + _random.Next(5)).ToString(CultureInfo.InvariantCulture)),
            AvgRssi = Rssi.ParseJsonLiteral(avg.ToString(CultureInfo.InvariantCulture)),
            MinRssi = Rssi.ParseJsonLiteral((avg - 3 - _random.Next(6)).ToString(CultureInfo.InvariantCulture)),
            RssiUnit = "dBm",
        };
    }

    private static AudioQos IdleAudio() => new()
    {
        Bitrate = Bitrate.Parse(string.Empty),
        Latency = Milliseconds.Parse(string.Empty),
        Jitter = Milliseconds.Parse(string.Empty),
        AvgLoss = Percent.Parse(string.Empty),
        MaxLoss = Percent.Parse(string.Empty),
    };

    private static VideoQos IdleVideo() => new()
    {
        Bitrate = Bitrate.Parse(string.Empty),
        Latency = Milliseconds.Parse(string.Empty),
        Jitter = Milliseconds.Parse(string.Empty),
        AvgLoss = Percent.Parse(string.Empty),
        MaxLoss = Percent.Parse(string.Empty),
        Resolution = Resolution.Parse("0*0"),
        FrameRate = FrameRate.Parse(string.Empty),
    };

    private sealed record CpuMinute(CpuUsage Usage, CpuPressureLevel Pressure, bool Overloaded);
}
