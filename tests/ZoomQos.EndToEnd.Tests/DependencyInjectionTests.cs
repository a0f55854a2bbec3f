using Microsoft.Extensions.DependencyInjection;
using ZoomQos.Client;
using ZoomQos.Client.Credentials;
using ZoomQos.Contracts.Qos;

namespace ZoomQos.EndToEnd.Tests;

public sealed class DependencyInjectionTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task A_client_from_ihttpclientfactory_walks_the_server_with_the_same_pipeline()
    {
        var services = new ServiceCollection();
        services.AddZoomQosClient(
            _ => new ServerToServerOAuthCredential("demo", "demo-client-id", "demo-client-secret", seeded.Server.TokenAddress),
            options => options.BaseUri = seeded.Server.ApiBaseAddress);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ZoomQosClient>();
        var sessions = await client.GetWebinarParticipantsQosAsync("81234567894", QosListType.Past).CountAsync();

        Assert.Equal(12, sessions);
    }
}
