using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Serialization;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Server.Webhooks;

/// <summary>
/// The two shapes of the same minutes, in one place: a per-minute QSS event's <c>qos[]</c> and the REST samples. An event's
/// participant in the REST shape: its <c>qos[]</c> elements grouped by <c>date_time</c>, each
/// into the sample field of its <c>type</c> (<c>cpu_usage</c>'s pressure levels into <c>cpu_pressure_level</c>). The types
/// the REST samples have no field for (<c>audio_quality</c>, <c>video_quality</c>, <c>as_quality</c>, <c>notification</c>)
/// are kept in the stored event, not served.
/// </summary>
internal static class QosEventSamples
{
    /// <summary>The <c>qos[]</c> types that are REST sample fields of the same name.</summary>
    public static readonly HashSet<string> RestTypes = new(StringComparer.Ordinal)
    {
        "audio_input", "audio_output", "video_input", "video_output", "as_input", "as_output",
        "audio_device_from_crc", "audio_device_to_crc", "video_device_from_crc", "video_device_to_crc", "as_device_from_crc", "as_device_to_crc",
        "audio_device_from_rwg", "audio_device_to_rwg", "video_device_from_rwg", "video_device_to_rwg", "as_device_from_rwg", "as_device_to_rwg",
        "wifi_rssi",
    };

    private static readonly string[] PressureLevels = ["system_min_cpu_pressure_level", "system_avg_cpu_pressure_level", "system_max_cpu_pressure_level"];

    /// <summary>
    /// The session to merge: the stored one's fields (when there is one) with the event's minutes, else a session of the
    /// event's <c>user_id</c> and <c>email</c> joined at its first minute.
    /// </summary>
    /// <exception cref="JsonException">A <c>qos[]</c> element or its value is not what Zoom's schema says.</exception>
    public static ParticipantQos ToParticipant(JsonObject participant, ParticipantQos? stored)
    {
        var samples = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in participant["qos"] as JsonArray ?? throw new JsonException("payload.object.participant.qos is not an array."))
        {
            if (item is not JsonObject element || element["date_time"]?.GetValue<string>() is not { Length: > 0 } at || element["type"]?.GetValue<string>() is not { } type || element["details"] is not JsonObject details)
            {
                throw new JsonException("a qos[] element needs date_time, type and details.");
            }

            if (!samples.TryGetValue(at, out var sample))
            {
                samples[at] = sample = new JsonObject { ["date_time"] = at };
            }

            if (type == "wifi_rssi")
            {
                sample[type] = Rssi(details); // the event writes "-52", the REST sample -52
            }
            else if (RestTypes.Contains(type))
            {
                sample[type] = details.DeepClone();
            }
            else if (type == "cpu_usage")
            {
                var usage = (JsonObject)details.DeepClone();
                var pressure = new JsonObject();
                foreach (var level in PressureLevels)
                {
                    if (usage.Remove(level, out var value))
                    {
                        pressure[level] = value;
                    }
                }

                sample["cpu_usage"] = usage;
                if (pressure.Count > 0)
                {
                    sample["cpu_pressure_level"] = pressure;
                }
            }
        }

        var minutes = new JsonArray([.. samples.Values]);
        var first = samples.Keys.FirstOrDefault();
        var session = stored is not null
            ? JsonSerializer.SerializeToNode(stored with { UserQos = null }, ZoomJsonContext.Default.ParticipantQos)!.AsObject()
            : new JsonObject
            {
                ["user_id"] = participant["user_id"]?.GetValue<string>(),
                ["email"] = participant["email"]?.GetValue<string>() ?? string.Empty,
                ["join_time"] = first,
            };
        if (stored is not null && ZoomTimestamp.Parse(first).Value is { } earliest && (stored.JoinTime.Value is not { } joined || earliest < joined))
        {
            session["join_time"] = first; // an earlier minute arrived later
        }

        session["user_qos"] = minutes;
        return session.Deserialize(ZoomJsonContext.Default.ParticipantQos) ?? throw new JsonException("The participant is empty.");
    }

    /// <summary>
    /// One REST sample as a per-minute event's <c>qos[]</c>: an element per field, <c>cpu_pressure_level</c> folded into
    /// <c>cpu_usage</c>, every detail a string (as Zoom's event schema has them).
    /// </summary>
    public static IEnumerable<JsonObject> ToItems(JsonObject sample)
    {
        var at = sample["date_time"]?.GetValue<string>();
        foreach (var (type, value) in sample)
        {
            if (value is not JsonObject details || !(RestTypes.Contains(type) || type == "cpu_usage"))
            {
                continue;
            }

            var item = Strings(details);
            if (type == "cpu_usage" && sample["cpu_pressure_level"] is JsonObject pressure)
            {
                foreach (var (level, text) in Strings(pressure))
                {
                    item[level] = text?.DeepClone();
                }
            }

            yield return new JsonObject { ["date_time"] = at, ["type"] = type, ["details"] = item };
        }
    }

    private static JsonObject Rssi(JsonObject details) =>
        new(details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)(d.Key != "rssi_unit" && d.Value is JsonValue v && v.TryGetValue<string>(out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var dbm) ? JsonValue.Create(dbm) : d.Value?.DeepClone()))));

    private static JsonObject Strings(JsonObject details) =>
        new(details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)(d.Value is JsonValue v && v.GetValueKind() != JsonValueKind.String ? JsonValue.Create(v.ToJsonString()) : d.Value?.DeepClone()))));
}
