using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for the append-only <c>consent_ledger</c>.</summary>
internal static class ConsentRows
{
    public static async Task<ConsentRecord> AppendAsync(
        NpgsqlTransaction transaction, string tenantId, ConsentRecord record, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO consent_ledger (tenant_id, contact_id, purpose, granted, source, recorded_by, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(record.ContactId));
        command.Parameters.Add(Sql.Value((short)record.Purpose));
        command.Parameters.Add(Sql.Value(record.Granted));
        command.Parameters.Add(Sql.Text(record.Source));
        command.Parameters.Add(Sql.Text(record.RecordedBy));
        command.Parameters.Add(Sql.Value(record.RecordedAt));
        return record with { Sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))! };
    }

    public static async Task<List<ConsentRecord>> LedgerAsync(
        NpgsqlConnection connection, string tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, contact_id, purpose, granted, source, recorded_by, recorded_at FROM consent_ledger
            WHERE tenant_id = $1 AND contact_id = $2 ORDER BY id
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ledger = new List<ConsentRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ledger.Add(new ConsentRecord(
                reader.GetInt64(0),
                reader.GetGuid(1),
                (ConsentPurpose)reader.GetInt16(2),
                reader.GetBoolean(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return ledger;
    }
}
