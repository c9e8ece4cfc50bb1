using System.Text;
using Npgsql;
using RabbitMQ.Client;

namespace CrmPlatform.Hosting.Tests;

public sealed class PersistentDataTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"crm-persistent-{Guid.NewGuid():N}");

    [Fact]
    public async Task Postgres_data_survives_a_stop_and_restart_in_the_same_directory()
    {
        var options = new PostgresServerOptions { DataDirectory = _directory };
        await using (var server = await PostgresServer.StartAsync(options))
        {
            await server.CreateDatabaseAsync("kept");
            await using var connection = new NpgsqlConnection(server.ConnectionString("kept"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE notes (text text); INSERT INTO notes VALUES ('remember me')", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using (var restarted = await PostgresServer.StartAsync(options))
        {
            await using var connection = new NpgsqlConnection(restarted.ConnectionString("kept"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT text FROM notes", connection);
            Assert.Equal("remember me", await command.ExecuteScalarAsync());
        }

        Assert.True(File.Exists(Path.Combine(_directory, "PG_VERSION")));
    }

    [Fact]
    public async Task RabbitMq_persistent_messages_survive_a_stop_and_restart_in_the_same_directory()
    {
        var options = new RabbitMqServerOptions { DataDirectory = _directory };
        await using (var node = await RabbitMqServer.StartAsync(options))
        {
            await using var connection = await new ConnectionFactory { Uri = node.AmqpUri }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync(string.Empty, "kept", mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("remember me"));
        }

        await using (var restarted = await RabbitMqServer.StartAsync(options))
        {
            await using var connection = await new ConnectionFactory { Uri = restarted.AmqpUri }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var message = await channel.BasicGetAsync("kept", autoAck: true);
            Assert.NotNull(message);
            Assert.Equal("remember me", Encoding.UTF8.GetString(message.Body.Span));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
