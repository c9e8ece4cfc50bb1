using System.Reflection;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>The built service started the way the AppHost starts it: its own process, configured by environment.</summary>
[Collection(CustomersServerCollection.Name)]
public sealed class ServiceProcessTests(CustomersServer server)
{
    private static readonly string Configuration =
        typeof(ServiceProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [Fact]
    public async Task The_built_service_migrates_its_database_serves_grpc_and_http_health_and_stops_cleanly()
    {
        var database = "customers_" + Guid.NewGuid().ToString("N")[..8];
        await server.Infrastructure.Postgres.CreateDatabaseAsync(database);
        var ports = FreePorts.Pick(2);
        await using var service = DotnetProject.Start(new ProjectStartInfo("customers", ProjectDirectory(), Configuration)
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

        await DotnetProject.WaitUntilHealthyAsync(
            service, new Uri($"http://127.0.0.1:{ports[0]}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports[1]}");
        var client = new Proto.Customers.CustomersClient(channel);
        var rep = server.Rep(TestData.NewTenant());
        var created = await client.CreateAccountAsync(TestData.Company("Initrode", "contact@initrode.com"), rep.Headers);
        var read = await client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers);
        await service.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(created, read);
        Assert.Equal(0, await service.Exited);
    }

    private static string ProjectDirectory() => Path.Combine(RepositoryRoot.Find(), "src", "Customers");
}
