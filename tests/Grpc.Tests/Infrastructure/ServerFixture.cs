namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>One default server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
