using System.Globalization;
using Spectre.Console;
using ZoomQos.Client.Paging;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.Cli.Services;

/// <summary>What a walk went through: sessions, pages, and the API's total_records.</summary>
internal readonly record struct WalkTotals(long Sessions, long Pages, long? Total);

/// <summary>
/// Every page of a webinar's or a meeting's participant QoS through the SDK, handed to the caller page by page; with a progress bar
/// on stderr (stdout stays clean for data) when stderr is a terminal. Fetch, report and archive walk this way.
/// </summary>
internal static class ParticipantWalk
{
    /// <summary>Walks with a bar of its own: "webinar ID: N of M sessions".</summary>
    public static Task<WalkTotals> RunAsync(CliContext context, ZoomConnection zoom, QosTarget target, QosListType type, int pageSize, Func<ZoomPage<ParticipantQos>, ValueTask> onPage, CancellationToken cancellationToken) =>
        WithProgressAsync(context, target.ToString(), report => RunAsync(zoom, target, type, pageSize, null, onPage, report, cancellationToken));

    /// <summary>Walks with a bar of its own, each session as the JSON object the API sent (unparsed: NDJSON's).</summary>
    public static Task<WalkTotals> RunJsonAsync(CliContext context, ZoomConnection zoom, QosTarget target, QosListType type, int pageSize, Func<ZoomPage<ParticipantJson>, ValueTask> onPage, CancellationToken cancellationToken) =>
        WithProgressAsync(context, target.ToString(), report => WalkAsync(zoom.Client.GetParticipantsQosJsonAsync(target.Kind, target.Id, type, cancellationToken), pageSize, null, onPage, report, cancellationToken));

    /// <summary>Walks from <paramref name="startToken"/> (the first page when null), reporting sessions done and the total as pages arrive.</summary>
    public static Task<WalkTotals> RunAsync(ZoomConnection zoom, QosTarget target, QosListType type, int pageSize, string? startToken, Func<ZoomPage<ParticipantQos>, ValueTask> onPage, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zoom);
        return WalkAsync(zoom.Client.GetParticipantsQosAsync(target.Kind, target.Id, type, cancellationToken), pageSize, startToken, onPage, progress, cancellationToken);
    }

    private static async Task<WalkTotals> WalkAsync<T>(ZoomPageable<T> sessionsOf, int pageSize, string? startToken, Func<ZoomPage<T>, ValueTask> onPage, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onPage);
        long sessions = 0, pages = 0;
        long? total = null;
        await foreach (var page in sessionsOf.AsPages(startToken, pageSize, cancellationToken))
        {
            pages++;
            total ??= page.TotalRecords;
            sessions += page.Values.Count;
            await onPage(page);
            progress?.Invoke(sessions, total);
        }

        return new WalkTotals(sessions, pages, total);
    }

    /// <summary>Runs <paramref name="work"/> under one progress bar on stderr when it is a terminal (a null reporter otherwise).</summary>
    public static async Task<T> WithProgressAsync<T>(CliContext context, string label, Func<Action<long, long?>?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.ErrorIsTerminal)
        {
            return await work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        var name = Markup.Escape(label);
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(name, maxValue: 1);
                var result = await work((done, total) =>
                {
                    task.MaxValue = Math.Max(total ?? done, done);
                    task.Value = done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{name}: {done:N0} of {task.MaxValue:N0} sessions");
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
