using System.Security.Cryptography;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Bench;

/// <summary>
/// PostgreSQL, RabbitMQ, the Customers service and the gateway in front of it, started from the Release build output
/// the way the AppHost starts them (own processes, configured by environment), on free ports of 127.0.0.1, with a
/// fresh caller-token signing key.
/// </summary>
public sealed class CustomersPlatform : IAsyncDisposable
{
    public const string Database = "customers";
    private const string GatewayDatabase = "gateway";

    private readonly List<IAsyncDisposable> _parts = [];
    private readonly List<ChildProcess> _services = [];

    private CustomersPlatform(PostgresServer postgres, TokenSettings auth)
    {
        Postgres = postgres;
        Auth = auth;
    }

    public PostgresServer Postgres { get; }

    public TokenSettings Auth { get; }

    /// <summary>The Customers service's own h2c endpoint.</summary>
    public Uri CustomersGrpc { get; private set; } = null!;

    /// <summary>The gateway's integrator (h2c) endpoint.</summary>
    public Uri GatewayGrpc { get; private set; } = null!;

    /// <summary>The processes of the Customers service and the gateway.</summary>
    public IReadOnlyList<int> ServiceProcessIds => [.. _services.SelectMany(service => service.ProcessIds)];

    /// <summary>A token of an admin of <paramref name="tenant"/>, valid for two hours.</summary>
    public string AdminToken(string tenant) =>
        new CallerTokens(Auth, TimeProvider.System).Issue(
            new Caller("bench-admin", tenant, new HashSet<string> { Roles.Admin }, new HashSet<string>()), TimeSpan.FromHours(2));

    public static async Task<CustomersPlatform> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await PostgresServer.StartAsync(cancellationToken: cancellationToken);
        var platform = new CustomersPlatform(postgres, new TokenSettings("crm-gateway", "crm-services", Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
        platform._parts.Add(postgres);
        try
        {
            await platform.StartServicesAsync(cancellationToken);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await _parts[i].DisposeAsync();
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var rabbit = await RabbitMqServer.StartAsync(cancellationToken: cancellationToken);
        _parts.Add(rabbit);
        await Postgres.CreateDatabaseAsync(Database, cancellationToken);
        await Postgres.CreateDatabaseAsync(GatewayDatabase, cancellationToken);
        var ports = FreePorts.Pick(4);

        CustomersGrpc = new Uri($"http://127.0.0.1:{ports[1]}");
        await StartProjectAsync("customers", ports[0], ports[1], new Dictionary<string, string>
        {
            ["ConnectionStrings__customers"] = Postgres.ConnectionString(Database),
            ["ConnectionStrings__messaging"] = rabbit.ConnectionString,
        }, cancellationToken);

        GatewayGrpc = new Uri($"http://127.0.0.1:{ports[3]}");
        await StartProjectAsync("gateway", ports[2], ports[3], new Dictionary<string, string>
        {
            ["ConnectionStrings__gateway"] = Postgres.ConnectionString(GatewayDatabase),
            ["services__customers__grpc__0"] = CustomersGrpc.ToString().TrimEnd('/'),
            ["Gateway__AdminPassword"] = Guid.NewGuid().ToString("N"),
            // The benchmarks measure throughput, not the per-user limit (100/s by default): over it, calls would be
            // answered RESOURCE_EXHAUSTED, which h2load counts as successes.
            ["Gateway__RateLimits__User__TokenLimit"] = "100000000",
            ["Gateway__RateLimits__User__TokensPerPeriod"] = "100000000",
        }, cancellationToken);
        await WaitUntilGatewayRoutesAsync(cancellationToken);
    }

    /// <summary>The gateway forwards to the service once its active health check has seen it serving.</summary>
    private async Task WaitUntilGatewayRoutesAsync(CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(GatewayGrpc);
        var client = new Customers.CustomersClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {AdminToken("bench")}" } };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await client.ListAccountsAsync(new ListAccountsRequest { PageSize = 1 }, headers, cancellationToken: cancellationToken);
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private async Task StartProjectAsync(string name, int httpPort, int grpcPort, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "src", char.ToUpperInvariant(name[0]) + name[1..]);
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = string.Empty,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["Auth__Issuer"] = Auth.Issuer,
            ["Auth__Audience"] = Auth.Audience,
            ["Auth__SigningKey"] = Auth.SigningKey,
        };
        var project = DotnetProject.Start(new ProjectStartInfo(name, directory, "Release") { EnvironmentVariables = environment });
        _parts.Add(project);
        _services.Add(project);
        await DotnetProject.WaitUntilHealthyAsync(project, new Uri($"http://127.0.0.1:{httpPort}/health"), TimeSpan.FromSeconds(90), cancellationToken);
    }
}
