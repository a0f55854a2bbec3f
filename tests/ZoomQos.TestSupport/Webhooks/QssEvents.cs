using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZoomQos.Server.Webhooks;

namespace ZoomQos.TestSupport.Webhooks;

/// <summary>QSS webhook events as Zoom sends them (compact JSON, Zoom's headers and signature), for the receiver's tests.</summary>
public static class QssEvents
{
    /// <summary>A <c>webinar.participant_qos</c> event of one participant's minute: every REST type, and two that have no REST field.</summary>
    public static string PerMinute(string account, string uuid, string userId, string email, DateTimeOffset minute, int seed = 0)
    {
        var at = minute.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        JsonObject Item(string type, JsonObject details) => new() { ["date_time"] = at, ["type"] = type, ["details"] = details };
        JsonObject Audio(int latency) => new() { ["bitrate"] = "27.6 kbps", ["latency"] = $"{latency} ms", ["jitter"] = "4 ms", ["avg_loss"] = "0.1%", ["max_loss"] = "0.9%" };
        JsonObject Video(int latency) => new() { ["bitrate"] = "1.2 Mbps", ["latency"] = $"{latency} ms", ["jitter"] = "5 ms", ["avg_loss"] = "0.2%", ["max_loss"] = "1.1%", ["resolution"] = "1280*720", ["frame_rate"] = "25 fps" };
        var body = new JsonObject
        {
            ["event"] = "webinar.participant_qos",
            ["event_ts"] = minute.AddSeconds(5).ToUnixTimeMilliseconds(),
            ["payload"] = new JsonObject
            {
                ["account_id"] = account,
                ["object"] = new JsonObject
                {
                    ["uuid"] = uuid,
                    ["participant"] = new JsonObject
                    {
                        ["user_id"] = userId,
                        ["participant_user_id"] = "zu" + userId,
                        ["email"] = email,
                        ["qos"] = new JsonArray(
                            Item("audio_input", Audio(20 + seed)),
                            Item("audio_output", Audio(22 + seed)),
                            Item("video_input", Video(21 + seed)),
                            Item("video_output", Video(23 + seed)),
                            Item("cpu_usage", new JsonObject { ["zoom_min_cpu_usage"] = "4%", ["zoom_avg_cpu_usage"] = "9%", ["zoom_max_cpu_usage"] = "15%", ["system_max_cpu_usage"] = "41%", ["system_max_cpu_pressure_level"] = "fair" }),
                            Item("wifi_rssi", new JsonObject { ["max_rssi"] = "-48", ["avg_rssi"] = "-52", ["min_rssi"] = "-57", ["rssi_unit"] = "dBm" }),
                            Item("audio_quality", new JsonObject { ["quality"] = "good", ["quality_score"] = "4.4" }),
                            Item("notification", new JsonObject { ["network_notification"] = "network bandwidth low" })),
                    },
                },
            },
        };
        return body.ToJsonString();
    }

    /// <summary>A <c>webinar.participant_qos_summary</c> event: it names the webinar and the participant.</summary>
    public static string Summary(string account, string uuid, long webinarId, string userId, string name, string email, DateTimeOffset at) =>
        new JsonObject
        {
            ["event"] = "webinar.participant_qos_summary",
            ["event_ts"] = at.ToUnixTimeMilliseconds(),
            ["payload"] = new JsonObject
            {
                ["account_id"] = account,
                ["object"] = new JsonObject
                {
                    ["uuid"] = uuid,
                    ["id"] = webinarId.ToString(CultureInfo.InvariantCulture),
                    ["participant"] = new JsonObject
                    {
                        ["participant_id"] = userId,
                        ["user_name"] = name,
                        ["id"] = "zu" + userId,
                        ["email"] = email,
                        ["qos"] = new JsonArray(new JsonObject { ["type"] = "audio_input", ["details"] = new JsonObject { ["min_bitrate"] = "20 kbps", ["avg_bitrate"] = "27 kbps", ["max_bitrate"] = "31 kbps" } }),
                    },
                },
            },
        }.ToJsonString();

    /// <summary>The POST Zoom makes: the body, its timestamp header and its signature (by <paramref name="secret"/>).</summary>
    public static HttpRequestMessage Request(Uri endpoint, string body, string secret, DateTimeOffset sentAt, string? signature = null)
    {
        var timestamp = sentAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-zm-request-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("x-zm-signature", signature ?? ZoomSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
