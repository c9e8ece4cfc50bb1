using System.Diagnostics;
using CrmPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Npgsql;

namespace CrmPlatform.Messaging.Probe;

public sealed class NoteAddedConsumer(NpgsqlDataSource dataSource) : IdempotentConsumer<NoteAdded>(dataSource)
{
    protected override async Task HandleAsync(ConsumeContext<NoteAdded> context, NpgsqlTransaction transaction)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO notes_seen (note_id, text, trace_id) VALUES ($1, $2, $3)", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = context.Message.NoteId });
        insert.Parameters.Add(new NpgsqlParameter { Value = context.Message.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)Activity.Current?.TraceId.ToHexString() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(context.CancellationToken);
    }
}
