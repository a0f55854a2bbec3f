using System.CommandLine;
using ZoomQos.Cli.Admin;
using ZoomQos.Server.Dashboard;
using ZoomQos.Storage.Users;

namespace ZoomQos.Cli.Commands;

/// <summary>
/// <c>zoomqos users add|list|remove</c>: who may sign in to the dashboard of <c>zoomqos serve</c>, each seeing one
/// account. The password comes from stdin or a prompt, never from a flag, and is stored as an ASP.NET Core Identity hash.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliContext context) => new("users", "Manage who may sign in to the dashboard, each user seeing one account.")
    {
        Add(context),
        List(context),
        Remove(context),
    };

    private static Command Add(CliContext context)
    {
        var store = StoreOption.Create("The store:", required: true);
        var account = new Option<string>("--account") { Description = "The account the user sees (it must exist in the store).", Required = true };
        var email = new Option<string>("--email") { Description = "The sign-in email.", Required = true };
        var command = new Command("add", $"Add a dashboard user; the password (at least {DashboardPasswords.MinimumLength} characters) is read from stdin, or typed twice at a prompt.") { store, account, email };
        command.Description += """


            Examples:
              zoomqos users add --store sqlite:archive.db --account my-account --email ada@example.com
              printf '%s\n' "$PASSWORD" | zoomqos users add --store sqlite:archive.db --account my-account --email ada@example.com
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var address = DashboardUser.Normalize(parse.GetValue(email)!);
            if (address.Length < 3 || !address.Contains('@', StringComparison.Ordinal) || address.Any(char.IsWhiteSpace))
            {
                throw new CliUsageException($"--email must be an email address such as ada@example.com, not '{parse.GetValue(email)}'.");
            }

            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            var accountId = parse.GetValue(account)!;
            await StoreOption.RequireAccountAsync(qos, accountId, cancellationToken);
            if (await qos.FindUserAsync(address, cancellationToken) is not null)
            {
                throw new CliFailureException($"a dashboard user {address} already exists; 'zoomqos users remove {address}' first to change it.");
            }

            var password = await context.ReadPassword(cancellationToken)
                ?? throw new CliUsageException("no password: type it at the prompt, or give it on stdin (one line).");
            if (DashboardPasswords.Problem(password) is { } problem)
            {
                throw new CliUsageException(problem + "; nothing was changed.");
            }

            var user = new DashboardUser(address, accountId, context.TimeProvider.GetUtcNow());
            await qos.AddUserAsync(user, DashboardPasswords.Hash(user, password), cancellationToken);
            await CommandRunner.Say(context, "users add", $"added {address}, who sees account {accountId}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command List(CliContext context)
    {
        var store = StoreOption.Create("The store:", required: true);
        var account = new Option<string?>("--account") { Description = "Only this account's users." };
        var format = AdminFormat.Create();
        var command = new Command("list", "List the dashboard users: account, email and when each was added.") { store, account, format };
        command.Description += """


            Examples:
              zoomqos users list --store sqlite:archive.db
              zoomqos users list --store sqlite:archive.db --account my-account --format json
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            var rows = (await qos.ListUsersAsync(parse.GetValue(account), cancellationToken)).Select(u => new UserRow(u.AccountId, u.Email, u.Created)).ToList();
            await AdminFormat.WriteAsync(context, parse, format, rows, AdminJsonContext.Default.IReadOnlyListUserRow, ["ACCOUNT", "EMAIL", "ADDED (UTC)"], r => [r.AccountId, r.Email, r.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)]);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var email = new Argument<string>("email") { Description = "The user's email." };
        var store = StoreOption.Create("The store:", required: true);
        var command = new Command("remove", "Remove a dashboard user: they can no longer sign in.") { email, store };
        command.Description += """


            Examples:
              zoomqos users remove ada@example.com --store sqlite:archive.db
            """;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, context, async () =>
        {
            var address = parse.GetValue(email)!;
            await using var qos = await StoreOption.OpenAsync(parse.GetValue(store)!, cancellationToken);
            if (!await qos.RemoveUserAsync(address, cancellationToken))
            {
                throw new CliFailureException($"the store has no dashboard user '{DashboardUser.Normalize(address)}'; 'zoomqos users list' shows them.");
            }

            await CommandRunner.Say(context, "users remove", $"removed {DashboardUser.Normalize(address)}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
