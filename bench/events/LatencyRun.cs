using System.Diagnostics;
using CrmPlatform.Hosting;
using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Events.Bench;

/// <summary>
/// One service with a database, the outbox and an idempotent consumer (the same pieces every CrmPlatform service
/// uses), fed at a steady rate; latency is consumer's seen_at minus the producer's commit time, on one clock.
/// </summary>
internal static class LatencyRun
{
    public static async Task<LatencyResult> MeasureAsync(
        PostgresServer postgres, RabbitMqServer rabbitMq, PublishPath path, int rate, TimeSpan duration)
    {
        var database = $"bench_{path.ToString().ToLowerInvariant()}";
        await postgres.CreateDatabaseAsync(database);
        using var host = BuildHost(postgres.ConnectionString(database), rabbitMq.ConnectionString, $"bench-{database}");
        await host.StartAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var outbox = host.Services.GetRequiredService<Outbox>();
        var bus = host.Services.GetRequiredService<IBus>();

        await WriteAsync(dataSource, outbox, bus, path, warmUp: true);
        var writes = new List<Task<(Guid Id, DateTime CommittedAt)>>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var stopwatch = Stopwatch.StartNew();
        for (var next = TimeSpan.Zero; next < duration; next += interval)
        {
            var wait = next - stopwatch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // Writes start on schedule, like requests from many users, instead of waiting for each other.
            writes.Add(WriteAsync(dataSource, outbox, bus, path, warmUp: false));
        }

        var committed = (await Task.WhenAll(writes)).ToDictionary(w => w.Id, w => w.CommittedAt);
        var elapsed = stopwatch.Elapsed;
        var seen = await WaitForSeenAsync(dataSource, committed.Count);
        await host.StopAsync();
        var latencies = seen.Where(s => committed.ContainsKey(s.Id)).Select(s => (s.At - committed[s.Id]).TotalMilliseconds).ToList();
        return LatencyResult.From(latencies, committed.Count, elapsed);
    }

    private static IHost BuildHost(string connectionString, string broker, string endpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:notes"] = connectionString;
        builder.Configuration["ConnectionStrings:messaging"] = broker;
        builder.AddPostgres("notes", typeof(NoteAddedConsumer).Assembly);
        builder.AddMessaging(bus => bus.AddConsumer<NoteAddedConsumer>().Endpoint(e => e.Name = endpoint));
        return builder.Build();
    }

    private static async Task<(Guid Id, DateTime CommittedAt)> WriteAsync(
        NpgsqlDataSource dataSource, Outbox outbox, IBus bus, PublishPath path, bool warmUp)
    {
        var note = new NoteAdded(Guid.CreateVersion7(), warmUp ? "warm-up" : "bench");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO notes (id, text) VALUES ($1, $2)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = note.NoteId });
            insert.Parameters.Add(new NpgsqlParameter { Value = note.Text });
            await insert.ExecuteNonQueryAsync();
        }

        if (path == PublishPath.Outbox)
        {
            await outbox.EnqueueAsync(transaction, note, CancellationToken.None);
        }

        await transaction.CommitAsync();
        var committedAt = DateTime.UtcNow;
        if (path == PublishPath.Direct)
        {
            await bus.Publish(note, publish => publish.MessageId = Guid.CreateVersion7());
        }

        return (note.NoteId, committedAt);
    }

    private static async Task<List<(Guid Id, DateTime At)>> WaitForSeenAsync(NpgsqlDataSource dataSource, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var seen = new List<(Guid, DateTime)>();
            await using (var command = dataSource.CreateCommand("SELECT note_id, seen_at FROM notes_seen WHERE text = 'bench'"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    seen.Add((reader.GetGuid(0), reader.GetDateTime(1).ToUniversalTime()));
                }
            }

            if (seen.Count >= expected || DateTime.UtcNow > deadline)
            {
                return seen;
            }

            await Task.Delay(200);
        }
    }
}
