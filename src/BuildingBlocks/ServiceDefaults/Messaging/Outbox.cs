using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Writes integration events into <c>outbox_messages</c> inside the caller's transaction, so an event exists exactly
/// when the state change it describes was committed, and wakes this process's dispatcher through <see cref="OutboxSignal"/>.
/// </summary>
public sealed class Outbox(OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync<TEvent>(NpgsqlTransaction transaction, TEvent @event, CancellationToken cancellationToken)
        where TEvent : class
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { Insert(@event) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The insert of <paramref name="event"/> under a new message id (consumers see it as <c>ConsumeContext.MessageId</c>),
    /// for a batch that also holds the change the event describes: one round trip instead of two.
    /// </summary>
    public NpgsqlBatchCommand Insert<TEvent>(TEvent @event)
        where TEvent : class
    {
        var activity = Activity.Current;
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO outbox_messages (id, message_type, body, trace_parent, trace_state) VALUES ($1, $2, $3, $4, $5)");
        insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        insert.Parameters.Add(new NpgsqlParameter { Value = OutboxMessageTypes.NameOf(typeof(TEvent)) });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(@event, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)activity?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)activity?.TraceStateString ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        signal.Announce();
        return insert;
    }
}
