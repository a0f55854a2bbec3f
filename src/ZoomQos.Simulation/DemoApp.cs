using ZoomQos.Contracts.Accounts;

namespace ZoomQos.Simulation;

/// <summary>A well-known development app of the demo data set, with its (public, demo-only) secret.</summary>
/// <param name="App">The app.</param>
/// <param name="ClientSecret">Its client secret: a well-known development value, like Azurite's storage key.</param>
public sealed record DemoApp(ApiApp App, string ClientSecret);
