using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using Npgsql;
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

    [Fact]
    public async Task After_PostgreSQL_drops_every_connection_of_the_service_reads_and_writes_work_again_without_a_restart()
    {
        var database = "customers_" + Guid.NewGuid().ToString("N")[..8];
        await server.Infrastructure.Postgres.CreateDatabaseAsync(database);
        await using var service = await CustomersProcess.StartAsync(server, database);
        var admin = server.Admin(TestData.NewTenant());
        var created = await service.Client.CreateAccountAsync(TestData.Company("Kramerica Industries"), admin.Headers);
        var contact = await service.Client.CreateContactAsync(TestData.Contact(created, "Cosmo", "Kramer"), admin.Headers);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            await service.Client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, admin.Headers)));

        var dropped = await DropConnectionsAsync(database);

        // A pooled connection that was dropped may fail the call that next uses it, with UNAVAILABLE; the calls after it
        // get new ones. The create carries a request id, so that a retry of one that did commit returns the same account.
        var read = await UntilItWorksAsync(() => service.Client.GetAccountAsync(new Proto.GetAccountRequest { Name = created.Name }, admin.Headers));
        var readContact = await UntilItWorksAsync(() => service.Client.GetContactAsync(new Proto.GetContactRequest { Name = contact.Name }, admin.Headers));
        var create = TestData.Company("Pendant Publishing");
        create.RequestId = Guid.NewGuid().ToString();
        var another = await UntilItWorksAsync(() => service.Client.CreateAccountAsync(create, admin.Headers));

        Assert.True(dropped > 0);
        Assert.Equal(created, read);
        Assert.Equal(contact, readContact);
        Assert.Equal(another, await service.Client.GetAccountAsync(new Proto.GetAccountRequest { Name = another.Name }, admin.Headers));
    }

    private async Task<int> DropConnectionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(server.Infrastructure.Postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task<T> UntilItWorksAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
