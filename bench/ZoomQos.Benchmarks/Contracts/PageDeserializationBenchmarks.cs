using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json.Linq;
using ZoomQos.Benchmarks.Support;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Benchmarks.Contracts;

/// <summary>
/// Issue 2: a list page of 10 participants × 90 samples into typed records with every value parsed, beside
/// three baselines on the same bytes: the Utf8JsonReader ceiling, Newtonsoft JObject with a path lookup per
/// field (how the seed's Chilkat sample reads it), and System.Text.Json into plain-string records.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PageDeserializationBenchmarks
{
    private static readonly string[] Streams = ["audio_input", "audio_output", "video_input", "video_output", "as_input", "as_output"];
    private static readonly string[] StreamFields = ["bitrate", "latency", "jitter", "avg_loss", "max_loss", "resolution", "frame_rate"];
    private static readonly string[] CpuFields = ["zoom_min_cpu_usage", "zoom_avg_cpu_usage", "zoom_max_cpu_usage", "system_max_cpu_usage"];

    public static readonly byte[] Page = QosPageFactory.Create();

    [Benchmark(Baseline = true, Description = "Utf8JsonReader scan (ceiling)")]
    public long Utf8JsonReaderScan()
    {
        var reader = new Utf8JsonReader(Page);
        long touched = 0;
        while (reader.Read())
        {
            touched += reader.ValueSpan.Length + (int)reader.TokenType;
        }

        return touched;
    }

    [Benchmark(Description = "ZoomQos typed, every value parsed")]
    public double TypedRecords()
    {
        var page = JsonSerializer.Deserialize(Page, ZoomJsonContext.Default.ParticipantQosPage)!;
        var sum = 0.0;
        foreach (var participant in page.Participants!)
        {
            sum += participant.JoinTime.Value?.Minute ?? 0;
            foreach (var s in participant.UserQos!)
            {
                sum += s.DateTime.Value?.Minute ?? 0;
                sum += Sum(s.AudioInput) + Sum(s.AudioOutput);
                sum += Sum(s.VideoInput) + Sum(s.VideoOutput) + Sum(s.AsInput) + Sum(s.AsOutput);
                if (s.CpuUsage is { } cpu)
                {
                    sum += (cpu.ZoomMinCpuUsage.Value ?? 0) + (cpu.ZoomAvgCpuUsage.Value ?? 0) + (cpu.ZoomMaxCpuUsage.Value ?? 0) + (cpu.SystemMaxCpuUsage.Value ?? 0);
                }

                if (s.WifiRssi is { } rssi)
                {
                    sum += (rssi.MinRssi.Dbm ?? 0) + (rssi.AvgRssi.Dbm ?? 0) + (rssi.MaxRssi.Dbm ?? 0);
                }
            }
        }

        return sum;
    }

    [Benchmark(Description = "Newtonsoft JObject, path per field")]
    public int JObjectPathLookups()
    {
        var root = JObject.Parse(System.Text.Encoding.UTF8.GetString(Page));
        var participants = (JArray)root["participants"]!;
        var length = 0;
        for (var i = 0; i < participants.Count; i++)
        {
            var samples = (JArray)root.SelectToken($"participants[{i}].user_qos")!;
            for (var j = 0; j < samples.Count; j++)
            {
                foreach (var stream in Streams)
                {
                    foreach (var field in StreamFields)
                    {
                        length += ((string?)root.SelectToken($"participants[{i}].user_qos[{j}].{stream}.{field}"))?.Length ?? 0;
                    }
                }

                foreach (var field in CpuFields)
                {
                    length += ((string?)root.SelectToken($"participants[{i}].user_qos[{j}].cpu_usage.{field}"))?.Length ?? 0;
                }
            }
        }

        return length;
    }

    [Benchmark(Description = "System.Text.Json, plain strings")]
    public int PlainStrings()
    {
        var page = JsonSerializer.Deserialize(Page, PlainJsonContext.Default.PlainPage)!;
        var length = 0;
        foreach (var participant in page.Participants!)
        {
            foreach (var s in participant.UserQos!)
            {
                length += s.DateTime!.Length + Length(s.AudioInput) + Length(s.AudioOutput) + Length(s.VideoInput)
                    + Length(s.VideoOutput) + Length(s.AsInput) + Length(s.AsOutput) + (s.CpuUsage?.SystemMaxCpuUsage?.Length ?? 0);
            }
        }

        return length;
    }

    private static double Sum(AudioQos? a) => a is null ? 0
        : (a.Bitrate.BitsPerSecond ?? 0) + (a.Latency.Value ?? 0) + (a.Jitter.Value ?? 0) + (a.AvgLoss.Value ?? 0) + (a.MaxLoss.Value ?? 0);

    private static double Sum(VideoQos? v) => v is null ? 0
        : (v.Bitrate.BitsPerSecond ?? 0) + (v.Latency.Value ?? 0) + (v.Jitter.Value ?? 0) + (v.AvgLoss.Value ?? 0) + (v.MaxLoss.Value ?? 0)
          + (v.Resolution.Height ?? 0) + (v.FrameRate.Value ?? 0);

    private static int Length(PlainMedia? s) => s is null ? 0
        : (s.Bitrate?.Length ?? 0) + (s.Latency?.Length ?? 0) + (s.Jitter?.Length ?? 0) + (s.AvgLoss?.Length ?? 0)
          + (s.MaxLoss?.Length ?? 0) + (s.Resolution?.Length ?? 0) + (s.FrameRate?.Length ?? 0);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(Page.Length));
    }
}
