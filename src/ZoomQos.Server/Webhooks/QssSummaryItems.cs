using System.Globalization;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// A session's <c>qos[]</c> as a <c>…participant_qos_summary</c> event has it: per stream, the minimum, average and maximum
/// of each measure over the session's minutes, written in Zoom's units (kbps, ms, %, fps; RSSI as integers). The REST
/// <c>qos_summary</c> endpoints answer the same, without Wi-Fi (their schema has no <c>wifi_rssi</c>).
/// </summary>
internal static class QssSummaryItems
{
    public static JsonArray Of(ParticipantQos participant, bool withWifi = true)
    {
        var samples = participant.UserQos ?? [];
        var items = new JsonArray();
        void Stream(string type, Func<QosSample, AudioQos?> audio, Func<QosSample, VideoQos?>? video = null)
        {
            var streams = samples.Select(s => (Audio: audio(s), Video: video?.Invoke(s))).Where(x => x.Audio is not null || x.Video is not null).ToList();
            if (streams.Count == 0)
            {
                return;
            }

            var details = new JsonObject();
            Add(details, "bitrate", streams.Select(x => x.Audio?.Bitrate.Kbps ?? x.Video?.Bitrate.Kbps), "{0:0.##} kbps");
            Add(details, "latency", streams.Select(x => x.Audio?.Latency.Value ?? x.Video?.Latency.Value), "{0:0} ms");
            Add(details, "jitter", streams.Select(x => x.Audio?.Jitter.Value ?? x.Video?.Jitter.Value), "{0:0} ms");
            Add(details, "loss", streams.Select(x => x.Audio?.AvgLoss.Value ?? x.Video?.AvgLoss.Value), "{0:0.#}%");
            if (video is not null)
            {
                Add(details, "frame_rate", streams.Select(x => x.Video?.FrameRate.Value), "{0:0} fps");
                if (streams.LastOrDefault(x => x.Video?.Resolution.ToString() is { Length: > 0 }).Video?.Resolution.ToString() is { } resolution)
                {
                    details["resolution"] = resolution;
                }
            }

            items.Add(new JsonObject { ["type"] = type, ["details"] = details });
        }

        Stream("audio_input", s => s.AudioInput);
        Stream("audio_output", s => s.AudioOutput);
        Stream("video_input", _ => null, s => s.VideoInput);
        Stream("video_output", _ => null, s => s.VideoOutput);
        Stream("as_input", _ => null, s => s.AsInput);
        Stream("as_output", _ => null, s => s.AsOutput);
        var cpu = samples.Select(s => s.CpuUsage).OfType<CpuUsage>().ToList();
        if (cpu.Count > 0)
        {
            items.Add(new JsonObject
            {
                ["type"] = "cpu_usage",
                ["details"] = new JsonObject
                {
                    ["zoom_min_cpu_usage"] = Format("{0:0}%", cpu.Select(c => c.ZoomMinCpuUsage.Value).OfType<double>().DefaultIfEmpty().Min()),
                    ["zoom_avg_cpu_usage"] = Format("{0:0}%", cpu.Select(c => c.ZoomAvgCpuUsage.Value).OfType<double>().DefaultIfEmpty().Average()),
                    ["zoom_max_cpu_usage"] = Format("{0:0}%", cpu.Select(c => c.ZoomMaxCpuUsage.Value).OfType<double>().DefaultIfEmpty().Max()),
                    ["system_max_cpu_usage"] = Format("{0:0}%", cpu.Select(c => c.SystemMaxCpuUsage.Value).OfType<double>().DefaultIfEmpty().Max()),
                },
            });
        }

        var rssi = samples.Select(s => s.WifiRssi?.AvgRssi.Dbm).OfType<double>().ToList();
        if (withWifi && rssi.Count > 0)
        {
            items.Add(new JsonObject
            {
                ["type"] = "wifi_rssi",
                ["details"] = new JsonObject { ["max_rssi"] = (int)rssi.Max(), ["avg_rssi"] = (int)Math.Round(rssi.Average()), ["min_rssi"] = (int)rssi.Min(), ["rssi_unit"] = "dBm" },
            });
        }

        return items;
    }

    private static void Add(JsonObject details, string measure, IEnumerable<double?> values, string format)
    {
        var known = values.OfType<double>().ToList();
        if (known.Count == 0)
        {
            return;
        }

        details["min_" + measure] = Format(format, known.Min());
        details["avg_" + measure] = Format(format, known.Average());
        details["max_" + measure] = Format(format, known.Max());
    }

    private static string Format(string format, double value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
