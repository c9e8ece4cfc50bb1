using System.Reflection;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// The built service started the way the AppHost starts it (its own process, configured by environment) on a database
/// of the test server's PostgreSQL, and healthy.
/// </summary>
public sealed class CustomersProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(CustomersProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private readonly GrpcChannel _channel;

    private CustomersProcess(ChildProcess process, Uri grpc)
    {
        Process = process;
        _channel = GrpcChannel.ForAddress(grpc);
        Client = new Proto.Customers.CustomersClient(_channel);
    }

    public ChildProcess Process { get; }

    public Proto.Customers.CustomersClient Client { get; }

    /// <summary>The service on a new, empty database of the test server's PostgreSQL, which it migrates as it starts.</summary>
    public static async Task<CustomersProcess> StartOnNewDatabaseAsync(CustomersServer server)
    {
        var database = "customers_" + Guid.NewGuid().ToString("N")[..8];
        await server.Infrastructure.Postgres.CreateDatabaseAsync(database);
        return await StartAsync(server, database);
    }

    public static async Task<CustomersProcess> StartAsync(CustomersServer server, string database)
    {
        var ports = FreePorts.Pick(2);
        var process = DotnetProject.Start(new ProjectStartInfo("customers", Path.Combine(RepositoryRoot.Find(), "src", "Customers"), Configuration)
        {
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "",
                ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{ports[0]}",
                ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{ports[1]}",
                ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
                ["ConnectionStrings__customers"] = server.Infrastructure.Postgres.ConnectionString(database),
                ["ConnectionStrings__messaging"] = server.Infrastructure.RabbitMq.ConnectionString,
                ["Auth__Issuer"] = CustomersServer.Auth.Issuer,
                ["Auth__Audience"] = CustomersServer.Auth.Audience,
                ["Auth__SigningKey"] = CustomersServer.Auth.SigningKey,
            },
        });
        try
        {
            await DotnetProject.WaitUntilHealthyAsync(
                process, new Uri($"http://127.0.0.1:{ports[0]}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
            return new CustomersProcess(process, new Uri($"http://127.0.0.1:{ports[1]}"));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Process.DisposeAsync();
    }
}
