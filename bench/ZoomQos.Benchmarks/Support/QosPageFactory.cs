using System.Globalization;
using System.Text.Json;

namespace ZoomQos.Benchmarks.Support;

/// <summary>
/// Writes a realistic list page (participants × per-minute samples) as Zoom would send it: six audio, video and
/// screen-share streams and CPU usage per minute, values with and without the space before the unit, idle
/// screen share, a few Wi-Fi and CPU-pressure objects. Deterministic for a seed.
/// </summary>
public static class QosPageFactory
{
    public static byte[] Create(int participants = 10, int samples = 90, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("page_count", 101);
            w.WriteNumber("page_size", participants);
            w.WriteNumber("total_records", 1003);
            w.WriteString("next_page_token", "Tva2CuIdTgsv8wAnhyAdU3m06Y2HuLQtlh3");
            w.WriteStartArray("participants");
            for (var p = 0; p < participants; p++)
            {
                var panelist = p < 2;
                w.WriteStartObject();
                w.WriteString("id", panelist ? $"Kj3xB0qTQZa7l2m5n8o1p{p}" : "");
                w.WriteString("user_id", (16778240 + (p * 1024)).ToString(CultureInfo.InvariantCulture));
                w.WriteString("participant_uuid", Guid.Parse($"{p:D8}-e5f6-4789-9abc-def012345678").ToString().ToUpperInvariant());
                w.WriteString("user_name", $"Attendee {p}");
                w.WriteString("email", $"attendee{p}@example.com");
                w.WriteString("device", p % 3 == 0 ? "Mac" : "Windows");
                w.WriteString("client", "Windows");
                w.WriteString("version", "6.4.3.61286");
                w.WriteString("os", "Windows");
                w.WriteString("os_version", "11 Pro");
                w.WriteString("ip_address", $"192.0.2.{p}");
                w.WriteString("location", p % 2 == 0 ? "San Jose (US)" : "London (GB)");
                w.WriteString("data_center", "United States (SC Top)");
                w.WriteString("network_type", p % 4 == 0 ? "Wired" : "Wifi");
                w.WriteString("connection_type", "UDP");
                w.WriteString("pc_name", $"PC-{p}");
                w.WriteString("domain", "corp.example.com");
                w.WriteString("mac_addr", "");
                w.WriteString("harddisk_id", "");
                w.WriteString("join_time", start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("leave_time", start.AddMinutes(samples).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteBoolean("share_desktop", p == 0);
                w.WriteString("health", "Good");
                w.WriteStartArray("user_qos");
                for (var m = 0; m < samples; m++)
                {
                    w.WriteStartObject();
                    w.WriteString("date_time", start.AddMinutes(m).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    WriteStream(w, "audio_input", random, panelist ? 20 + random.Next(40) : 0, video: false);
                    WriteStream(w, "audio_output", random, 40 + random.Next(40), video: false);
                    WriteStream(w, "video_input", random, panelist ? 600 + random.Next(1200) : 0, video: true);
                    WriteStream(w, "video_output", random, 300 + random.Next(900), video: true);
                    WriteStream(w, "as_input", random, p == 0 ? 50 + random.Next(200) : 0, video: true);
                    WriteStream(w, "as_output", random, 50 + random.Next(200), video: true);
                    w.WriteStartObject("cpu_usage");
                    w.WriteString("zoom_min_cpu_usage", Pct(random.Next(2, 10)));
                    w.WriteString("zoom_avg_cpu_usage", Pct(random.Next(8, 20)));
                    w.WriteString("zoom_max_cpu_usage", Pct(random.Next(15, 40)));
                    w.WriteString("system_max_cpu_usage", Pct(random.Next(20, 99)));
                    w.WriteEndObject();
                    if (p % 4 != 0 && m % 5 == 0)
                    {
                        w.WriteStartObject("wifi_rssi");
                        w.WriteNumber("max_rssi", -40 - random.Next(10));
                        w.WriteNumber("avg_rssi", -50 - random.Next(15));
                        w.WriteNumber("min_rssi", -60 - random.Next(20));
                        w.WriteString("rssi_unit", "dBm");
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteStream(Utf8JsonWriter w, string name, Random random, int kbps, bool video)
    {
        w.WriteStartObject(name);
        var idle = kbps == 0;
        // Zoom writes "27.15kbps" as often as "27 kbps": both forms appear.
        w.WriteString("bitrate", idle ? "" : random.Next(3) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{kbps + (random.Next(100) / 100.0):0.##}kbps")
            : string.Create(CultureInfo.InvariantCulture, $"{kbps} kbps"));
        w.WriteString("latency", idle ? "" : string.Create(CultureInfo.InvariantCulture, $"{20 + random.Next(180)} ms"));
        w.WriteString("jitter", idle ? "" : string.Create(CultureInfo.InvariantCulture, $"{random.Next(40)} ms"));
        w.WriteString("avg_loss", idle ? "" : string.Create(CultureInfo.InvariantCulture, $"{random.Next(30) / 10.0:0.0}%"));
        w.WriteString("max_loss", idle ? "" : string.Create(CultureInfo.InvariantCulture, $"{random.Next(120) / 10.0:0.0}%"));
        if (video)
        {
            w.WriteString("resolution", idle ? "0*0" : random.Next(2) == 0 ? "1280*720" : "640*360");
            w.WriteString("frame_rate", idle ? "" : string.Create(CultureInfo.InvariantCulture, $"{5 + random.Next(26)} fps"));
        }

        w.WriteEndObject();
    }

    private static string Pct(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";
}
