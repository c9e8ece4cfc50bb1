using CrmPlatform.Hosting;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>The built service started the way the AppHost starts it: its own process, configured by environment.</summary>
[Collection(CustomersServerCollection.Name)]
public sealed class ServiceProcessTests(CustomersServer server)
{
    [Fact]
    public async Task The_built_service_migrates_its_database_serves_grpc_and_http_health_and_stops_cleanly()
    {
        await using var service = await CustomersProcess.StartOnNewDatabaseAsync(server);
        var rep = server.Rep(TestData.NewTenant());
        var created = await service.Client.CreateAccountAsync(TestData.Company("Initrode", "contact@initrode.com"), rep.Headers);
        var read = await service.Client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers);
        await service.Process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(created, read);
        Assert.Equal(0, await service.Process.Exited);
    }

    [Fact]
    public async Task The_built_service_logs_each_change_it_makes_but_not_each_request()
    {
        await using var service = await CustomersProcess.StartOnNewDatabaseAsync(server);
        var rep = server.Rep(TestData.NewTenant());
        var created = await service.Client.CreateAccountAsync(TestData.Company("Vandelay Industries"), rep.Headers);
        for (var i = 0; i < 5; i++)
        {
            await service.Client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, rep.Headers);
        }

        await service.Process.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(10), CancellationToken.None);
        await service.Process.OutputDrainedAsync();

        var output = service.Process.RecentOutput;
        Assert.Contains($"Created {created.Name} in tenant {rep.TenantId}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executing endpoint", output, StringComparison.Ordinal);
    }
}
