using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Writes integration events into <c>outbox_messages</c> inside the caller's transaction, so an event exists exactly
/// when the state change it describes was committed. <c>NOTIFY</c> in the same transaction wakes the dispatcher right
/// after commit.
/// </summary>
public sealed class Outbox
{
    internal const string NotificationChannel = "crm_outbox";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The event's message id, which consumers see as <c>ConsumeContext.MessageId</c>.</returns>
    public async Task<Guid> EnqueueAsync<TEvent>(NpgsqlTransaction transaction, TEvent @event, CancellationToken cancellationToken)
        where TEvent : class
    {
        var id = Guid.CreateVersion7();
        var activity = Activity.Current;
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO outbox_messages (id, message_type, body, trace_parent, trace_state) VALUES ($1, $2, $3, $4, $5)");
        insert.Parameters.Add(new NpgsqlParameter { Value = id });
        insert.Parameters.Add(new NpgsqlParameter { Value = OutboxMessageTypes.NameOf(typeof(TEvent)) });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(@event, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)activity?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)activity?.TraceStateString ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands = { insert, new NpgsqlBatchCommand($"NOTIFY {NotificationChannel}") },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }
}
