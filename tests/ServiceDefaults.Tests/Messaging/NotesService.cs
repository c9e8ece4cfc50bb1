using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A minimal service built the way real ones are: its database, the outbox, and (unless the consumer runs in its own
/// process) one idempotent consumer.
/// </summary>
internal sealed class NotesService : IAsyncDisposable
{
    private readonly IHost _host;

    private NotesService(IHost host) => _host = host;

    public NpgsqlDataSource DataSource => _host.Services.GetRequiredService<NpgsqlDataSource>();

    public static IHost Build(InfrastructureFixture infrastructure, string connectionString, bool consume = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:notes"] = connectionString;
        builder.Configuration["ConnectionStrings:messaging"] = infrastructure.RabbitMq.ConnectionString;
        builder.AddPostgres("notes", typeof(NoteAddedConsumer).Assembly);
        var endpoint = "notes-" + Guid.NewGuid().ToString("N")[..8];
        builder.AddMessaging(bus =>
        {
            if (consume)
            {
                bus.AddConsumer<NoteAddedConsumer>().Endpoint(e => e.Name = endpoint);
            }
        });
        return builder.Build();
    }

    public static async Task<NotesService> StartAsync(InfrastructureFixture infrastructure, string connectionString, bool consume = true)
    {
        var host = Build(infrastructure, connectionString, consume);
        await host.StartAsync();
        return new NotesService(host);
    }

    /// <summary>One state change and its event, in one transaction.</summary>
    public async Task<Guid> AddNoteAsync(string text, bool commit = true)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO notes (id, text) VALUES ($1, $2)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = text });
            await insert.ExecuteNonQueryAsync();
        }

        await _host.Services.GetRequiredService<Outbox>().EnqueueAsync(transaction, new NoteAdded(id, text), CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }

        return id;
    }

    public Task PublishDirectlyAsync(NoteAdded note, Guid messageId) =>
        _host.Services.GetRequiredService<IBus>().Publish(note, publish => publish.MessageId = messageId);

    /// <summary>Waits until <paramref name="count"/> notes were seen by the consumer, or 60 s.</summary>
    public async Task<long> WaitForSeenAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long seen;
        do
        {
            await using var command = DataSource.CreateCommand("SELECT count(*) FROM notes_seen");
            seen = (long)(await command.ExecuteScalarAsync())!;
            if (seen >= count)
            {
                return seen;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
