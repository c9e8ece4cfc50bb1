using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows in batches, with publisher confirms, then marks them dispatched. A crash between
/// publish and mark re-publishes the same message id, which the consumers' inbox turns into a no-op. Replicas share
/// the work through <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
internal sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The waits before each look for announced events, whose writers may still be committing: the first lets a batch
    /// gather under load (one publish and one commit for many events), the longer ones cover slow commits.
    /// </summary>
    private static readonly TimeSpan[] CommitBackOff = [.. new[] { 5, 10, 20, 40, 80, 160 }.Select(ms => TimeSpan.FromMilliseconds(ms))];
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly ActivitySource Source = new("CrmPlatform.ServiceDefaults.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = CommitBackOff.Length;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                if (dispatched == BatchSize)
                {
                    continue;
                }

                backOff = dispatched > 0 ? 0 : backOff;
                if (backOff == CommitBackOff.Length)
                {
                    if (!await signal.WaitAsync(PollInterval, stoppingToken))
                    {
                        continue;
                    }

                    backOff = 0;
                }

                await Task.Delay(CommitBackOff[backOff++], stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, error);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = await ReadPendingAsync(connection, transaction, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        // Published together and confirmed together: one broker round trip per batch, not per event. Consumers are
        // idempotent and must not rely on order across events (redeliveries reorder them anyway).
        await Task.WhenAll(pending.Select(message => PublishAsync(message, cancellationToken)));

        await using (var mark = new NpgsqlCommand(
            "UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1)", connection, transaction))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = pending.Select(m => m.Id).ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    private async Task PublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var parent = ActivityContext.TryParse(message.TraceParent, message.TraceState, out var context) ? context : default;
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        var type = OutboxMessageTypes.Resolve(message.Type);
        var body = JsonSerializer.Deserialize(message.Body, type, Outbox.Json)!;
        await bus.Publish(body, type, publish => publish.MessageId = message.Id, cancellationToken);
    }

    private static async Task<List<PendingMessage>> ReadPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT id, message_type, body::text, trace_parent, trace_state FROM outbox_messages
            WHERE dispatched_at IS NULL ORDER BY sequence LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """,
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingMessage(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return pending;
    }

    private sealed record PendingMessage(Guid Id, string Type, string Body, string? TraceParent, string? TraceState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error);
}
