namespace ZoomQos.Contracts.Accounts;

/// <summary>A Server-to-Server OAuth app of an account. Its secret is never part of this record.</summary>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="AccountId">The account the app belongs to.</param>
/// <param name="Scopes">The scopes a token minted for the app carries.</param>
public sealed record ApiApp(string ClientId, string AccountId, IReadOnlyList<string> Scopes);
