extern alias customers;

using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using CrmPlatform.ServiceDefaults;
using CrmPlatform.Tests.Infrastructure;
using customers::CrmPlatform.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>The real Customers service, validating caller tokens with the same settings as the gateway issues them.</summary>
public sealed class CustomersService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CustomersService(WebApplication app)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress(new Uri(app.Urls.Single()));
        Client = new Proto.Customers.CustomersClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public Proto.Customers.CustomersClient Client { get; }

    public static async Task<CustomersService> StartAsync(InfrastructureFixture infrastructure)
    {
        await infrastructure.Postgres.CreateDatabaseAsync(CustomersServiceExtensions.DatabaseName);
        // Its own content root: the test's output folder holds the gateway's appsettings.json (ports 8080 and 8081).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.Combine(RepositoryRoot.Find(), "src", "Customers") });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:customers"] = infrastructure.Postgres.ConnectionString(CustomersServiceExtensions.DatabaseName),
            ["ConnectionStrings:messaging"] = infrastructure.RabbitMq.ConnectionString,
            ["Auth:Issuer"] = GatewayServer.Auth.Issuer,
            ["Auth:Audience"] = GatewayServer.Auth.Audience,
            ["Auth:SigningKey"] = GatewayServer.Auth.SigningKey,
            ["Kestrel:Endpoints:grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        });
        builder.AddServiceDefaults();
        builder.AddCustomersService();
        var app = builder.Build();
        app.MapCustomersService();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new CustomersService(app);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
