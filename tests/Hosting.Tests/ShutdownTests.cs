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
        var tree = new StartedTree(processIds);
        Assert.True(tree.ListensOn(server.Port));

        await server.DisposeAsync();

        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        Assert.False(tree.ListensOn(server.Port));
        Assert.False(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task Stopping_rabbitmq_leaves_no_process_no_epmd_no_listening_port_and_no_temporary_data()
    {
        var server = await RabbitMqServer.StartAsync();
        var processIds = server.ProcessIds;
        Assert.True(processIds.Count >= 3, $"expected the script, beam.smp and epmd, got {processIds.Count} processes");
        var tree = new StartedTree(processIds);
        int[] ports = [server.Port, server.DistributionPort, server.EpmdPort];
        Assert.All(ports, port => Assert.True(tree.ListensOn(port), $"port {port} has no listener of the running server"));

        await server.DisposeAsync();

        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        Assert.All(ports, port => Assert.False(tree.ListensOn(port), $"port {port} still has a listener of the stopped server"));

        Assert.False(Directory.Exists(server.DataDirectory));
    }
}
