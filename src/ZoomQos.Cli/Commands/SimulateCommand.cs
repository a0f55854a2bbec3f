using System.CommandLine;
using System.Globalization;
using ZoomQos.Contracts.Webinars;
using ZoomQos.Simulation;
using ZoomQos.Storage;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos simulate</c>: a deterministic synthetic webinar (realistic values, optional planted faults) into a
/// store or an NDJSON file — for load tests, demos and analysis without a paid Zoom plan. The same seed gives
/// the same webinar, byte for byte.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOption.Create("Store to write the instance into:");
        var output = new Option<string?>("--output", "-o") { Description = "Write the participants as NDJSON to this file instead (or as well)." };
        var participants = Positive("--participants", "Attendee join sessions.", 500);
        var panelists = new Option<int>("--panelists") { Description = "Panelists (their uplink feeds everyone).", DefaultValueFactory = _ => 2 };
        var minutes = Positive("--minutes", "Length of the webinar in minutes (2 or more).", 60);
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same webinar.", DefaultValueFactory = _ => 1 };
        var faults = new Option<bool>("--faults") { Description = "Plant realistic faults (a panelist's uplink, Wi-Fi, CPU, a region, ...)." };
        var account = new Option<string>("--account") { Description = "Account of the instance (created if missing).", DefaultValueFactory = _ => DemoDataSet.AccountId };
        var webinar = new Option<long?>("--webinar") { Description = "Webinar ID. Default: 85000000000 plus the seed." };
        var command = new Command("simulate", "Generate a synthetic webinar with realistic QoS into a store or an NDJSON file.")
        {
            store, output, participants, panelists, minutes, seed, faults, account, webinar,
        };
        command.Description += """


            Examples:
              zoomqos simulate --store sqlite:big.db --participants 5000 --minutes 120 --seed 7
              zoomqos serve --store sqlite:big.db --seed demo --no-rate-limit
              zoomqos simulate --output webinar.ndjson --participants 200 --faults
            """;

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var storeSpec = parse.GetValue(store);
            var outputPath = parse.GetValue(output);
            if (storeSpec is null && outputPath is null)
            {
                throw new CliUsageException("say where the webinar goes: --store STORE and/or --output FILE.ndjson.");
            }

            if (parse.GetValue(minutes) < 2 || parse.GetValue(panelists) < 0)
            {
                throw new CliUsageException("--minutes must be 2 or more and --panelists 0 or more.");
            }

            var seedValue = parse.GetValue(seed);
            var webinarId = parse.GetValue(webinar) ?? 85_000_000_000L + ((uint)seedValue % 1_000_000_000);
            var accountId = parse.GetValue(account)!;
            var length = parse.GetValue(minutes);
            var now = context.TimeProvider.GetUtcNow();
            var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(now.Hour - 1).AddMinutes(-length);
            var uuidBytes = new byte[16];
            new Random(seedValue).NextBytes(uuidBytes);
            var instance = new WebinarInstance(Convert.ToBase64String(uuidBytes), webinarId, accountId, $"Simulated webinar (seed {seedValue})", "Simulated Host", "host@example.com", start, start.AddMinutes(length));
            var simulated = WebinarSimulator.Simulate(new WebinarSpec(instance, parse.GetValue(panelists), parse.GetValue(participants), length, seedValue, parse.GetValue(faults)));

            if (outputPath is not null)
            {
                await using var target = Output.OutputTarget.Open(outputPath, context, needsSeek: false);
                simulated.WriteNdjson(target.Stream);
                await target.CommitAsync(cancellationToken);
            }

            long samples = 0;
            if (storeSpec is not null)
            {
                await using var qos = await StoreOption.OpenAsync(storeSpec, cancellationToken);
                await StoreAccounts.EnsureAsync(qos, accountId, cancellationToken);

                await qos.UpsertInstanceAsync(instance, cancellationToken);
                var result = await qos.MergeParticipantsAsync(instance.Uuid, simulated.Participants().ToAsyncEnumerable(), cancellationToken);
                samples = result.SamplesWritten + result.SamplesUnchanged;
            }

            await context.Out.WriteLineAsync(instance.Uuid);
            await CommandRunner.Say(context, "simulate", string.Create(
                CultureInfo.InvariantCulture,
                $"webinar {webinarId}, instance {instance.Uuid} of account '{accountId}': {simulated.SessionCount:N0} sessions over {length} minutes{(storeSpec is null ? string.Empty : $", {samples:N0} samples stored")}{(simulated.Faults.Count > 0 ? $", {simulated.Faults.Count} planted faults" : string.Empty)}."));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Option<int> Positive(string name, string description, int value) => new(name) { Description = description, DefaultValueFactory = _ => value };
}
