using System.Collections.Concurrent;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults;
using CrmPlatform.ServiceDefaults.Security;
using CrmPlatform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>
/// The gateway as Program.cs builds it (service defaults, identity, gRPC-Web), on its own database, with an h2c
/// endpoint like the integrator port and an HTTP/1.1 + HTTP/2 endpoint like the web port. Until the forwarder is
/// mapped, the Customers paths end at a recorder that keeps the headers a forwarded call would carry upstream.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@gateway.test";
    public const string AdminPassword = "gateway-test-admin-password";
    public const string ForwardedMethod = "/crm.customers.v1.Customers/ListAccounts";

    public static readonly TokenSettings Auth = new("crm-tests", "crm-services", "gateway-tests-signing-key-at-least-32-bytes");

    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, string connectionString, LogRecorder logs, ConcurrentQueue<IHeaderDictionary> forwarded)
    {
        _app = app;
        Logs = logs;
        Forwarded = forwarded;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        GrpcAddress = new Uri(addresses[0]);
        HttpAddress = new Uri(addresses[1]);
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Client = new Proto.Identity.IdentityClient(Channel);
        Database = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The h2c endpoint (gRPC for integrators).</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 + HTTP/2 endpoint (web app, gRPC-Web, plain HTTP).</summary>
    public Uri HttpAddress { get; }

    public GrpcChannel Channel { get; }

    public Proto.Identity.IdentityClient Client { get; }

    public NpgsqlDataSource Database { get; }

    public LogRecorder Logs { get; }

    /// <summary>The headers of each call that got past authentication to a forwarded path, in order.</summary>
    public ConcurrentQueue<IHeaderDictionary> Forwarded { get; }

    /// <summary>Starts a gateway on <paramref name="database"/> (created if missing) with the test settings plus <paramref name="settings"/>.</summary>
    public static async Task<GatewayServer> StartAsync(
        PostgresServer postgres, string database, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    {
        await postgres.CreateDatabaseAsync(database);
        var connectionString = postgres.ConnectionString(database);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:gateway"] = connectionString,
            ["Auth:Issuer"] = Auth.Issuer,
            ["Auth:Audience"] = Auth.Audience,
            ["Auth:SigningKey"] = Auth.SigningKey,
            ["Kestrel:Endpoints:grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1AndHttp2",
            ["Gateway:AdminEmail"] = AdminEmail,
            ["Gateway:AdminPassword"] = AdminPassword,
            ["Gateway:ApiKeyUsageFlushInterval"] = "00:00:00.100",
            ["Gateway:SessionPurgeInterval"] = "00:00:00.200",
            ["Gateway:RateLimits:SignIn:TokenLimit"] = "10000",
            ["Gateway:RateLimits:Session:TokenLimit"] = "10000",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new LogRecorder();
        builder.Logging.AddProvider(logs);
        builder.AddServiceDefaults();
        builder.AddGatewayIdentity();
        var app = builder.Build();
        app.UseGrpcWeb();
        app.UseGatewayIdentity();
        app.MapDefaultEndpoints();
        app.MapGatewayIdentity();
        var forwarded = new ConcurrentQueue<IHeaderDictionary>();
        app.MapPost("/crm.customers.v1.Customers/{method}", (HttpContext context) =>
        {
            forwarded.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            return context.WriteGrpcStatusAsync(new Status(StatusCode.Unavailable, "Recorded: the forwarder is not mapped in this test."));
        });
        await app.StartAsync();
        return new GatewayServer(app, connectionString, logs, forwarded);
    }

    /// <summary>Call headers carrying a caller token.</summary>
    public static CrmPlatform.Grpc.Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
