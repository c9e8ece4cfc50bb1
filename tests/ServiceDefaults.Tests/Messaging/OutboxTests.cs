using System.Diagnostics;
using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Every_committed_change_is_consumed_exactly_once_and_then_leaves_the_outbox()
    {
        await using var service = await NotesService.StartAsync(infrastructure, await TestDatabase.CreateAsync(infrastructure));

        for (var i = 0; i < 1000; i++)
        {
            await service.AddNoteAsync($"note {i}");
        }

        Assert.Equal(1000, await service.WaitForSeenAsync(1000));
        await Task.Delay(500);
        Assert.Equal(1000L, await CountAsync(service, "SELECT count(DISTINCT note_id) FROM notes_seen"));
        Assert.Equal(1000L, await CountAsync(service, "SELECT count(*) FROM notes_seen"));
        Assert.Equal(0L, await CountAsync(service, "SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_consumer_killed_mid_stream_still_applies_every_event_exactly_once()
    {
        var connectionString = await TestDatabase.CreateAsync(infrastructure);
        var endpoint = "notes-killed-" + Guid.NewGuid().ToString("N")[..8];
        await using var producer = await NotesService.StartAsync(infrastructure, connectionString, consume: false);
        var consumer = await ConsumerProcess.StartAsync(infrastructure, connectionString, endpoint);
        try
        {
            await producer.AddNoteAsync("warm-up");
            Assert.Equal(1, await producer.WaitForSeenAsync(1));

            var writes = Task.Run(async () =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    await producer.AddNoteAsync($"note {i}");
                }
            });
            await producer.WaitForSeenAsync(250);
            consumer.Kill();
            await consumer.Exited;
            await consumer.DisposeAsync();
            consumer = await ConsumerProcess.StartAsync(infrastructure, connectionString, endpoint);
            await writes;

            Assert.Equal(1001, await producer.WaitForSeenAsync(1001));
            await Task.Delay(1000);
            Assert.Equal(1001L, await CountAsync(producer, "SELECT count(*) FROM notes_seen"));
            Assert.Equal(1001L, await CountAsync(producer, "SELECT count(DISTINCT note_id) FROM notes_seen"));
        }
        finally
        {
            await consumer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_broker_restart_mid_stream_loses_and_duplicates_no_event()
    {
        await using var service = await NotesService.StartAsync(infrastructure, await TestDatabase.CreateAsync(infrastructure));

        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await service.AddNoteAsync($"note {i}");
            }
        });
        await service.WaitForSeenAsync(250);
        await infrastructure.RabbitMq.RestartBrokerAsync(TimeSpan.FromSeconds(1));
        await writes;

        Assert.Equal(1000, await service.WaitForSeenAsync(1000));
        await Task.Delay(1000);
        Assert.Equal(1000L, await CountAsync(service, "SELECT count(*) FROM notes_seen"));
        Assert.Equal(1000L, await CountAsync(service, "SELECT count(DISTINCT note_id) FROM notes_seen"));
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using var service = await NotesService.StartAsync(infrastructure, await TestDatabase.CreateAsync(infrastructure));

        var rolledBack = await service.AddNoteAsync("never happened", commit: false);
        await service.AddNoteAsync("happened");

        Assert.Equal(1, await service.WaitForSeenAsync(1));
        await Task.Delay(500);
        Assert.Equal(0L, await CountAsync(service, $"SELECT count(*) FROM notes_seen WHERE note_id = '{rolledBack}'"));
        Assert.Equal(1L, await CountAsync(service, "SELECT count(*) FROM notes_seen"));
    }

    [Fact]
    public async Task A_redelivered_message_takes_effect_once()
    {
        await using var service = await NotesService.StartAsync(infrastructure, await TestDatabase.CreateAsync(infrastructure));
        var note = new NoteAdded(Guid.CreateVersion7(), "sent twice");
        var messageId = Guid.CreateVersion7();

        await service.PublishDirectlyAsync(note, messageId);
        await service.PublishDirectlyAsync(note, messageId);
        await service.AddNoteAsync("marker after the duplicates");

        Assert.Equal(2, await service.WaitForSeenAsync(2));
        await Task.Delay(500);
        Assert.Equal(1L, await CountAsync(service, $"SELECT count(*) FROM notes_seen WHERE note_id = '{note.NoteId}'"));
    }

    [Fact]
    public async Task Changes_committed_while_the_service_was_down_are_delivered_when_it_returns()
    {
        var connectionString = await TestDatabase.CreateAsync(infrastructure);
        await using (var first = await NotesService.StartAsync(infrastructure, connectionString))
        {
            await first.AddNoteAsync("before the crash");
            Assert.Equal(1, await first.WaitForSeenAsync(1));
        }

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await WriteWithoutDispatcherAsync(dataSource, "while down");
        }

        await using var second = await NotesService.StartAsync(infrastructure, connectionString);
        Assert.Equal(2, await second.WaitForSeenAsync(2));
    }

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_change()
    {
        using var source = new ActivitySource("CrmPlatform.Tests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = await NotesService.StartAsync(infrastructure, await TestDatabase.CreateAsync(infrastructure));

        string traceId;
        using (var change = source.StartActivity("add note"))
        {
            traceId = change!.TraceId.ToHexString();
            await service.AddNoteAsync("traced");
        }

        Assert.Equal(1, await service.WaitForSeenAsync(1));
        Assert.Equal(1L, await CountAsync(service, $"SELECT count(*) FROM notes_seen WHERE trace_id = '{traceId}'"));
    }

    [Fact]
    public async Task A_changed_migration_stops_start_up_naming_the_script()
    {
        var connectionString = await TestDatabase.CreateAsync(infrastructure);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var migrator = new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance);
            await migrator.ApplyAsync("notes", [new SqlMigration(1, "create_notes", "CREATE TABLE notes (id uuid PRIMARY KEY);")], CancellationToken.None);
        }

        using var host = NotesService.Build(infrastructure, connectionString);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("notes/0001_create_notes.sql", error.Message);
    }

    private static async Task WriteWithoutDispatcherAsync(NpgsqlDataSource dataSource, string text)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand("INSERT INTO notes (id, text) VALUES ($1, $2)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = text });
            await insert.ExecuteNonQueryAsync();
        }

        await new Outbox(new OutboxSignal()).EnqueueAsync(transaction, new NoteAdded(id, text), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<long> CountAsync(NotesService service, string sql)
    {
        await using var command = service.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
