namespace ZoomQos.Server.Tests.Support;

/// <summary>One seeded demo server shared by every conformance class; classes in a collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoServer : ICollectionFixture<DemoServer>
{
    public const string Name = "demo server";
}
