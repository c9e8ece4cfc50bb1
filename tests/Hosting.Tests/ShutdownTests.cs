using Npgsql;
using CrmPlatform.Tests.Shared;

namespace CrmPlatform.Hosting.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_postgres_leaves_no_process_no_listening_port_and_no_temporary_data()
    {
        var server = await PostgresServer.StartAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString()))
        {
            await connection.OpenAsync();
        }

        var processIds = server.ProcessIds;
        Assert.NotEmpty(processIds);

        await server.DisposeAsync();

        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        Assert.False(await ProcessState.AcceptsConnectionsAsync(server.Port));
        Assert.False(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task Stopping_rabbitmq_leaves_no_process_no_epmd_no_listening_port_and_no_temporary_data()
    {
        var server = await RabbitMqServer.StartAsync();
        var processIds = server.ProcessIds;
        Assert.True(processIds.Count >= 3, $"expected the script, beam.smp and epmd, got {processIds.Count} processes");

        await server.DisposeAsync();

        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        foreach (var port in new[] { server.Port, server.DistributionPort, server.EpmdPort })
        {
            Assert.False(await ProcessState.AcceptsConnectionsAsync(port), $"port {port} still accepts connections");
        }

        Assert.False(Directory.Exists(server.DataDirectory));
    }
}
