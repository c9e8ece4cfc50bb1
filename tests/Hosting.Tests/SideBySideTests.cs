using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CrmPlatform.Hosting.Tests;

public sealed class SideBySideTests
{
    [Fact]
    public async Task Two_postgres_clusters_run_at_once_and_keep_their_own_data()
    {
        var clusters = await Task.WhenAll(PostgresServer.StartAsync(), PostgresServer.StartAsync());
        await using var first = clusters[0];
        await using var second = clusters[1];

        Assert.NotEqual(first.Port, second.Port);
        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int)");

        await using var connection = new NpgsqlConnection(second.ConnectionString());
        await connection.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT to_regclass('only_in_first') IS NULL", connection);
        Assert.Equal(true, await lookup.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_rabbitmq_nodes_run_at_once_and_keep_their_own_queues()
    {
        var nodes = await Task.WhenAll(RabbitMqServer.StartAsync(), RabbitMqServer.StartAsync());
        await using var first = nodes[0];
        await using var second = nodes[1];

        Assert.Empty(new[] { first.Port, first.DistributionPort, first.EpmdPort }.Intersect([second.Port, second.DistributionPort, second.EpmdPort]));
        await using var firstConnection = await new ConnectionFactory { Uri = first.AmqpUri }.CreateConnectionAsync();
        await using var firstChannel = await firstConnection.CreateChannelAsync();
        await firstChannel.QueueDeclareAsync("only-on-first", durable: false, exclusive: false, autoDelete: false);

        await using var secondConnection = await new ConnectionFactory { Uri = second.AmqpUri }.CreateConnectionAsync();
        await using var secondChannel = await secondConnection.CreateChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(() => secondChannel.QueueDeclarePassiveAsync("only-on-first"));
        Assert.Equal(404, (int?)missing.ShutdownReason?.ReplyCode);
    }

    private static async Task ExecuteAsync(PostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
