using CrmPlatform.Hosting;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// PostgreSQL, RabbitMQ, the Customers service and the gateway in front of it, started from the Release build output
/// the way the AppHost starts them (own processes, configured by environment), on free ports of 127.0.0.1.
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    public const string Database = "customers";
    private const string GatewayDatabase = "gateway";

    private readonly List<IAsyncDisposable> _parts = [];

    private Platform(PostgresServer postgres, TokenSettings auth)
    {
        Postgres = postgres;
        Auth = auth;
    }

    public PostgresServer Postgres { get; }

    public TokenSettings Auth { get; }

    public Uri CustomersGrpc { get; private set; } = null!;

    public Uri GatewayGrpc { get; private set; } = null!;

    public static async Task<Platform> StartAsync(CancellationToken cancellationToken)
    {
        var postgres = await PostgresServer.StartAsync(cancellationToken: cancellationToken);
        var platform = new Platform(postgres, new TokenSettings("crm-gateway", "crm-services", Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid().ToString("N")));
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
        }, cancellationToken);
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
        await DotnetProject.WaitUntilHealthyAsync(project, new Uri($"http://127.0.0.1:{httpPort}/health"), TimeSpan.FromSeconds(90), cancellationToken);
    }
}
