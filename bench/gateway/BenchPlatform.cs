using CrmPlatform.Hosting;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Bench;

/// <summary>
/// What the benchmark runs against: a private PostgreSQL and RabbitMQ, the Customers service and the gateway as
/// their own Release processes on free ports, wired with the AppHost's environment variables.
/// </summary>
internal sealed class BenchPlatform : IAsyncDisposable
{
    public static readonly TokenSettings Auth = new("crm-gateway", "crm-services", "gateway-bench-signing-key-of-at-least-32-bytes");
    private const string Configuration = "Release";

    private readonly PostgresServer _postgres;
    private readonly RabbitMqServer _rabbitMq;
    private readonly List<ChildProcess> _processes = [];

    private BenchPlatform(PostgresServer postgres, RabbitMqServer rabbitMq)
    {
        _postgres = postgres;
        _rabbitMq = rabbitMq;
    }

    /// <summary>The Customers service's own h2c endpoint.</summary>
    public Uri CustomersGrpc { get; private set; } = null!;

    /// <summary>The gateway's integrator (h2c) endpoint.</summary>
    public Uri GatewayGrpc { get; private set; } = null!;

    public static async Task<BenchPlatform> StartAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        var platform = new BenchPlatform(await postgres, await rabbitMq);
        try
        {
            await platform.StartServicesAsync();
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await _rabbitMq.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private async Task StartServicesAsync()
    {
        await _postgres.CreateDatabaseAsync("customers");
        CustomersGrpc = await StartProjectAsync("customers", new Dictionary<string, string>
        {
            ["ConnectionStrings__customers"] = _postgres.ConnectionString("customers"),
            ["ConnectionStrings__messaging"] = _rabbitMq.ConnectionString,
        });
        GatewayGrpc = await StartProjectAsync("gateway", new Dictionary<string, string>
        {
            ["services__customers__grpc__0"] = CustomersGrpc.ToString().TrimEnd('/'),
        });
    }

    /// <summary>Starts src/&lt;Name&gt; with endpoints http and grpc (h2c) on free ports; returns the grpc endpoint once healthy.</summary>
    private async Task<Uri> StartProjectAsync(string name, Dictionary<string, string> environment)
    {
        var ports = FreePorts.Pick(2);
        environment["ASPNETCORE_URLS"] = string.Empty;
        environment["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{ports[0]}";
        environment["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{ports[1]}";
        environment["Kestrel__Endpoints__grpc__Protocols"] = "Http2";
        environment["Auth__Issuer"] = Auth.Issuer;
        environment["Auth__Audience"] = Auth.Audience;
        environment["Auth__SigningKey"] = Auth.SigningKey;
        var directory = Path.Combine(RepositoryRoot.Find(), "src", char.ToUpperInvariant(name[0]) + name[1..]);
        var process = DotnetProject.Start(new ProjectStartInfo(name, directory, Configuration) { EnvironmentVariables = environment });
        _processes.Add(process);
        await DotnetProject.WaitUntilHealthyAsync(process, new Uri($"http://127.0.0.1:{ports[0]}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
        return new Uri($"http://127.0.0.1:{ports[1]}");
    }
}
