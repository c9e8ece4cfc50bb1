using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows in batches, with publisher confirms: a batch is claimed and deleted in one
/// transaction that commits only after every publish was confirmed, so the outbox holds only pending events. A crash
/// between publish and commit re-publishes the same message id, which the consumers' inbox turns into a no-op.
/// Replicas share the work through <c>FOR UPDATE SKIP LOCKED</c>.
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
    /// The waits before each look for announced events whose writers may still be committing. While events keep
    /// coming the dispatcher claims again at once: what committed during one publish-and-commit cycle is the next batch.
    /// </summary>
    private static readonly TimeSpan[] CommitBackOff = [.. new[] { 2, 4, 8, 16, 32, 64, 128 }.Select(ms => TimeSpan.FromMilliseconds(ms))];
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a batch may wait for the broker's confirms. A publish caught by a broker restart can wait on a dead
    /// channel; the batch is then rolled back (its messages stay pending) and published again on a new attempt.
    /// </summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly ActivitySource Source = new("CrmPlatform.ServiceDefaults.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backOff = CommitBackOff.Length;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) > 0)
                {
                    backOff = 0;
                    continue;
                }

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
        var pending = await ClaimPendingAsync(connection, transaction, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        // Published together and confirmed together: one broker round trip per batch, not per event. Consumers are
        // idempotent and must not rely on order across events (redeliveries reorder them anyway).
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishing.CancelAfter(PublishTimeout);
        await Task.WhenAll(pending.Select(message => PublishAsync(message, publishing.Token)));
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

    /// <summary>
    /// Deletes the oldest pending messages and returns them, oldest first. The delete only holds if the transaction
    /// commits, which happens after the broker confirmed every publish; otherwise they stay pending.
    /// </summary>
    private static async Task<List<PendingMessage>> ClaimPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            DELETE FROM outbox_messages
            WHERE id IN (SELECT id FROM outbox_messages ORDER BY sequence LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING sequence, id, message_type, body::text, trace_parent, trace_state
            """,
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<(long Sequence, PendingMessage Message)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add((reader.GetInt64(0), new PendingMessage(
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5))));
        }

        return [.. pending.OrderBy(p => p.Sequence).Select(p => p.Message)];
    }

    private sealed record PendingMessage(Guid Id, string Type, string Body, string? TraceParent, string? TraceState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error);
}
