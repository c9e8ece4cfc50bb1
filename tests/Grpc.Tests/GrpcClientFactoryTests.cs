using CrmPlatform.Grpc.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc.Tests;

public sealed class GrpcClientFactoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ClientAddressComesFromTheAspireGrpcEndpoint()
    {
        using var provider = Services(new() { ["services:tester:grpc:0"] = fixture.Server.Http2Address.ToString(), ["services:tester:http:0"] = "http://127.0.0.1:1" });

        var client = provider.GetRequiredService<Tester.Client>();

        Assert.Equal("via config", (await client.EchoAsync("via config")).Value);
    }

    [Fact]
    public async Task HttpEndpointIsUsedWhenThereIsNoGrpcEndpoint()
    {
        using var provider = Services(new() { ["services:tester:http:0"] = fixture.Server.Http2Address.ToString() });

        var client = provider.GetRequiredService<Tester.Client>();

        Assert.Equal("http", (await client.EchoAsync("http")).Value);
    }

    [Fact]
    public void MissingAddressNamesTheConfigurationKey()
    {
        using var provider = Services([]);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<Tester.Client>());

        Assert.Contains("services__tester__grpc__0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientsOfOneAddressShareOneChannel()
    {
        using var provider = Services(new() { ["services:tester:grpc:0"] = fixture.Server.Http2Address.ToString() });

        var first = provider.GetRequiredService<Tester.Client>();
        var second = provider.GetRequiredService<Tester.Client>();

        Assert.NotSame(first, second);
        Assert.Same(first.Invoker, second.Invoker);
    }

    private static ServiceProvider Services(Dictionary<string, string?> configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddGrpcClient<Tester.Client>("tester");
        return services.BuildServiceProvider();
    }
}
