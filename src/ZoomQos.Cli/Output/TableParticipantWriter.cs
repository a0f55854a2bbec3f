using System.Globalization;
using System.Text;
using Spectre.Console;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Output;

/// <summary>
/// A table for people (Spectre.Console): one row per session with its minutes and the averages of the values
/// Zoom reported. Audio figures take, each minute, the worse of the participant's input and output; video the
/// frame rate received. Only a per-session summary is kept, so memory grows with sessions, not samples.
/// </summary>
internal sealed class TableParticipantWriter(Stream output, FetchHeader header, int width) : ParticipantWriter
{
    private readonly List<string[]> _rows = [];

    public override ValueTask WriteAsync(ParticipantQos participant, CancellationToken cancellationToken)
    {
        _rows.Add(Summarize(participant));
        return ValueTask.CompletedTask;
    }

    public override async ValueTask CompleteAsync(long totalRecords, CancellationToken cancellationToken)
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.Title($"{header.Target.Title} ({header.Type.ToWire()}): {_rows.Count} of {totalRecords} sessions");
        string[] names = ["Participant", "User ID", "Device", "Network", "Location", "Joined", "Min", "Loss %", "Max loss %", "Jitter ms", "Latency ms", "Video fps", "Health"];
        for (var i = 0; i < names.Length; i++)
        {
            var column = new TableColumn(names[i]);
            table.AddColumn(i >= 6 && i <= 11 ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        table.Caption("Loss, jitter and latency: audio, each minute the worse of input and output, averaged over minutes with data.");
        await using var text = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = width;
        console.Write(table);
        await text.FlushAsync(cancellationToken);
    }

    private static string[] Summarize(ParticipantQos p)
    {
        double lossSum = 0, jitterSum = 0, latencySum = 0, fpsSum = 0, maxLoss = double.NaN;
        int lossN = 0, jitterN = 0, latencyN = 0, fpsN = 0;
        var samples = p.UserQos ?? [];
        foreach (var s in samples)
        {
            if (Worse(s.AudioInput?.AvgLoss.Value, s.AudioOutput?.AvgLoss.Value) is { } loss)
            {
                lossSum += loss;
                lossN++;
            }

            if (Worse(s.AudioInput?.MaxLoss.Value, s.AudioOutput?.MaxLoss.Value) is { } max)
            {
                maxLoss = double.IsNaN(maxLoss) ? max : Math.Max(maxLoss, max);
            }

            if (Worse(s.AudioInput?.Jitter.Value, s.AudioOutput?.Jitter.Value) is { } jitter)
            {
                jitterSum += jitter;
                jitterN++;
            }

            if (Worse(s.AudioInput?.Latency.Value, s.AudioOutput?.Latency.Value) is { } latency)
            {
                latencySum += latency;
                latencyN++;
            }

            if (s.VideoOutput?.FrameRate.Value is { } fps)
            {
                fpsSum += fps;
                fpsN++;
            }
        }

        return
        [
            p.UserName is { Length: > 0 } name ? name : "(blank)",
            p.UserId ?? string.Empty,
            p.Device.Raw ?? string.Empty,
            p.NetworkType.Raw ?? string.Empty,
            p.Location ?? string.Empty,
            p.JoinTime.Value?.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty,
            samples.Count.ToString(CultureInfo.InvariantCulture),
            Mean(lossSum, lossN, "0.0"),
            double.IsNaN(maxLoss) ? "-" : maxLoss.ToString("0.0", CultureInfo.InvariantCulture),
            Mean(jitterSum, jitterN, "0"),
            Mean(latencySum, latencyN, "0"),
            Mean(fpsSum, fpsN, "0.0"),
            p.Health.Raw ?? string.Empty,
        ];
    }

    private static double? Worse(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string Mean(double sum, int n, string format) => n == 0 ? "-" : (sum / n).ToString(format, CultureInfo.InvariantCulture);
}
