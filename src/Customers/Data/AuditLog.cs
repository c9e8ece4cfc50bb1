using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>Writes field changes to <c>audit_entries</c> inside the transaction that makes them, and reads them back.</summary>
internal static class AuditLog
{
    public static async Task WriteAsync(
        NpgsqlTransaction transaction, string tenantId, IAuditable record, long version, IReadOnlyList<FieldChange> changes,
        string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (changes.Count > 0)
        {
            await Sql.ExecuteAsync(transaction, [Insert(tenantId, record, version, changes, changedBy, changedAt)], cancellationToken);
        }
    }

    /// <summary>The insert of <paramref name="changes"/> (at least one), for the caller's batch.</summary>
    public static NpgsqlBatchCommand Insert(
        string tenantId, IAuditable record, long version, IReadOnlyList<FieldChange> changes, string changedBy, DateTimeOffset changedAt)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO audit_entries (tenant_id, resource_name, version, field, old_value, new_value, changed_by, changed_at)
            SELECT $1, $2, $3, f, o, n, $4, $5 FROM unnest($6::text[], $7::text[], $8::text[]) AS t (f, o, n)
            """);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(record.ResourceName));
        command.Parameters.Add(Sql.Value(version));
        command.Parameters.Add(Sql.Text(changedBy));
        command.Parameters.Add(Sql.Value(changedAt));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.Field).ToArray()));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.OldValue).ToArray()));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.NewValue).ToArray()));
        return command;
    }

    /// <summary>Up to <paramref name="limit"/> entries of one record after <paramref name="afterSequence"/>, oldest first.</summary>
    public static async Task<List<AuditEntry>> ReadAsync(
        NpgsqlConnection connection, string tenantId, string resourceName, long? afterSequence, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, field, old_value, new_value, changed_by, changed_at, version FROM audit_entries
            WHERE tenant_id = $1 AND resource_name = $2 AND id > $3 ORDER BY id LIMIT $4
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(resourceName));
        command.Parameters.Add(Sql.Value(afterSequence ?? 0L));
        command.Parameters.Add(Sql.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                new FieldChange(reader.GetString(1), reader.NullableString(2), reader.NullableString(3)),
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt64(6)));
        }

        return entries;
    }
}
