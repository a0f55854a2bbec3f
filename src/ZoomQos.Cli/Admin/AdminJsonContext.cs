using System.Text.Json.Serialization;

namespace ZoomQos.Cli.Admin;

/// <summary>Source-generated JSON for <c>apps</c> and <c>users</c> with <c>--format json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(NewApp))]
[JsonSerializable(typeof(IReadOnlyList<AppRow>))]
[JsonSerializable(typeof(IReadOnlyList<UserRow>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

/// <summary>What <c>apps add</c> prints once: the credentials a Zoom client needs.</summary>
/// <param name="AccountId">The account (Server-to-Server OAuth's <c>account_id</c>).</param>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret, shown only here.</param>
/// <param name="Scopes">The scopes its tokens carry.</param>
internal sealed record NewApp(string AccountId, string ClientId, string ClientSecret, IReadOnlyList<string> Scopes);

/// <summary>A line of <c>apps list</c>.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="ClientId">The client id.</param>
/// <param name="Scopes">The scopes.</param>
internal sealed record AppRow(string AccountId, string ClientId, IReadOnlyList<string> Scopes);

/// <summary>A line of <c>users list</c>.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Email">The sign-in email.</param>
/// <param name="Created">When the user was added.</param>
internal sealed record UserRow(string AccountId, string Email, DateTimeOffset Created);
