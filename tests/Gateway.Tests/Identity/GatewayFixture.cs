using CrmPlatform.Tests.Infrastructure;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>
/// One private PostgreSQL and RabbitMQ, a gateway on its own database with the test admin, and the real Customers
/// service behind it. Tests keep apart by creating their own users; tests that need a fresh gateway start one with
/// <see cref="StartGatewayAsync"/> on a database of their own.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly List<GatewayServer> _extraGateways = [];

    public InfrastructureFixture Infrastructure { get; } = new();

    public GatewayServer Gateway { get; private set; } = null!;

    public CustomersService Customers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Gateway = await GatewayServer.StartAsync(Infrastructure.Postgres, "gateway");
        Customers = await CustomersService.StartAsync(Infrastructure);
    }

    /// <summary>Another gateway, on a new database unless <paramref name="database"/> names one; stopped with the fixture.</summary>
    public async Task<GatewayServer> StartGatewayAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? database = null, string environment = "Production")
    {
        var gateway = await GatewayServer.StartAsync(
            Infrastructure.Postgres, database ?? "gateway_" + Guid.NewGuid().ToString("N")[..12], settings, environment);
        lock (_extraGateways)
        {
            _extraGateways.Add(gateway);
        }

        return gateway;
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _extraGateways)
        {
            await gateway.DisposeAsync();
        }

        if (Customers is not null)
        {
            await Customers.DisposeAsync();
        }

        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
