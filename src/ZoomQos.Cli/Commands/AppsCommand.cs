using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using ZoomQos.Cli.Admin;
using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos apps add|list|remove</c>: the Server-to-Server OAuth apps of a store's accounts, so that a self-hosted
/// archive can be read by any Zoom client. A new app's secret is printed once and stored only salted and hashed.
/// </summary>
internal static class AppsCommand
{
    /// <summary>The scope a new app gets unless told otherwise: reading webinar QoS.</summary>
    public const string DefaultScopes = "dashboard_webinars:read:admin";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static Command Create(CliContext context) => new("apps", "Manage the API apps (Server-to-Server OAuth credentials) of a store's accounts.")
    {
        Add(context),
        List(context),
        Remove(context),
    };

    private static Command Add(CliContext context)
    {
        var store = StoreOption.Create("The store:", required: true);
        var account = new Option<string>("--account") { Description = "The account the app belongs to (it must exist in the store).", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "The scopes its tokens carry, separated by spaces or commas.", DefaultValueFactory = _ => DefaultScopes };
        var plan = new Option<AccountPlan?>("--plan") { Description = "Also set the account's plan, which sets its rate limits: Free, Pro or Business." };
        var format = AdminFormat.Create();
        var command = new Command("add", "Create an app for an account and print its client ID and secret (the secret only this once).") { store, account, scopes, plan, format };
        command.Description += """


            Examples:
              zoomqos apps add --store sqlite:archive.db --account my-account
              zoomqos apps add --store sqlite:archive.db --account my-account --scopes "dashboard:read:admin qos:write" --plan Pro --format json
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var accountId = parse.GetValue(account)!;
            var granted = parse.GetValue(scopes)!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (granted.Length == 0)
            {
                throw new CliUsageException("--scopes must name at least one scope, e.g. " + DefaultScopes + ".");
            }

            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            var existing = await StoreOption.RequireAccountAsync(qos, accountId, cancellationToken);
            if (parse.GetValue(plan) is { } newPlan && newPlan != existing.Plan)
            {
                await qos.UpsertAccountAsync(existing with { Plan = newPlan }, cancellationToken);
            }

            var app = new NewApp(accountId, RandomNumberGenerator.GetString(IdAlphabet, 22), RandomNumberGenerator.GetString(IdAlphabet, 32), granted);
            await qos.UpsertAppAsync(new ApiApp(app.ClientId, accountId, granted), app.ClientSecret, cancellationToken);
            if (AdminFormat.IsJson(parse, format))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(app, AdminJsonContext.Default.NewApp));
            }
            else
            {
                await context.Out.WriteLineAsync($"""
                    account_id     {app.AccountId}
                    client_id      {app.ClientId}
                    client_secret  {app.ClientSecret}
                    scopes         {string.Join(' ', app.Scopes)}
                    """);
                await CommandRunner.Say(context, "apps add", "keep the secret now: the store holds only its hash, and it is not shown again.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command List(CliContext context)
    {
        var store = StoreOption.Create("The store:", required: true);
        var account = new Option<string?>("--account") { Description = "Only this account's apps." };
        var format = AdminFormat.Create();
        var command = new Command("list", "List the apps: account, client ID and scopes (never a secret).") { store, account, format };
        command.Description += """


            Examples:
              zoomqos apps list --store sqlite:archive.db
              zoomqos apps list --store sqlite:archive.db --account my-account --format json
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            var rows = (await qos.ListAppsAsync(parse.GetValue(account), cancellationToken)).Select(a => new AppRow(a.AccountId, a.ClientId, a.Scopes)).ToList();
            await AdminFormat.WriteAsync(context, parse, format, rows, AdminJsonContext.Default.IReadOnlyListAppRow, ["ACCOUNT", "CLIENT ID", "SCOPES"], r => [r.AccountId, r.ClientId, string.Join(' ', r.Scopes)]);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var clientId = new Argument<string>("client-id") { Description = "The app's client ID." };
        var store = StoreOption.Create("The store:", required: true);
        var command = new Command("remove", "Remove an app: its credentials get no new token.") { clientId, store };
        command.Description += """


            Examples:
              zoomqos apps remove aBcDeFgHiJkLmNoPqRsTuV --store sqlite:archive.db
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var id = parse.GetValue(clientId)!;
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            if (!await qos.RemoveAppAsync(id, cancellationToken))
            {
                throw new CliFailureException($"the store has no app with client ID '{id}'; 'zoomqos apps list' shows them.");
            }

            await CommandRunner.Say(context, "apps remove", $"removed app {id}; tokens it already holds expire within the hour.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
