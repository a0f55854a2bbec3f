using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ZoomQos.Cli.Commands;
using ZoomQos.Cli.Output;
using ZoomQos.Contracts.Serialization;

namespace ZoomQos.Cli.Services;

/// <summary>
/// <c>zoomqos fetch --summary</c>: every page of a webinar's or a meeting's participant QoS summaries (Zoom's QSS API) through the SDK,
/// as NDJSON (one participant per line) or one JSON document <c>{"participants":[…]}</c>.
/// </summary>
internal static class SummaryFetch
{
    public static async Task<int> RunAsync(CliContext context, ConnectionSettings settings, QosTarget instance, bool ndjson, int pageSize, string? output, CancellationToken cancellationToken)
    {
        await using var target = OutputTarget.Open(output, context, needsSeek: false);
        using var zoom = ZoomConnection.Open(settings, context);
        var watch = Stopwatch.StartNew();
        long participants = 0, pages = 0;
        await using (var json = new Utf8JsonWriter(target.Stream, ZoomJsonContext.WireWriterOptions))
        {
            if (!ndjson)
            {
                json.WriteStartObject();
                json.WriteStartArray("participants");
            }

            await foreach (var page in zoom.Client.GetParticipantsQosSummaryAsync(instance.Kind, instance.Id, cancellationToken).AsPages(pageSizeHint: pageSize, cancellationToken: cancellationToken))
            {
                pages++;
                foreach (var participant in page.Values)
                {
                    JsonSerializer.Serialize(json, participant, ZoomJsonContext.Default.ParticipantQosSummary);
                    participants++;
                    if (ndjson)
                    {
                        await json.FlushAsync(cancellationToken);
                        json.Reset();
                        await target.Stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
                    }
                }
            }

            if (!ndjson)
            {
                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken);
                await target.Stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }
        }

        await target.CommitAsync(cancellationToken);
        await CommandRunner.Say(context, "fetch", string.Create(CultureInfo.InvariantCulture, $"{participants:N0} participant summaries in {pages:N0} pages in {watch.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Success;
    }
}
