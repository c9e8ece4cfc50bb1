using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>Writes field changes to <c>audit_entries</c> inside the transaction that makes them.</summary>
internal static class AuditLog
{
    public static async Task WriteAsync(
        NpgsqlTransaction transaction, string tenantId, IAuditable record, long version, IReadOnlyList<FieldChange> changes,
        string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO audit_entries (tenant_id, resource_name, version, field, old_value, new_value, changed_by, changed_at)
            SELECT $1, $2, $3, f, o, n, $4, $5 FROM unnest($6::text[], $7::text[], $8::text[]) AS t (f, o, n)
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(record.ResourceName));
        command.Parameters.Add(Sql.Value(version));
        command.Parameters.Add(Sql.Text(changedBy));
        command.Parameters.Add(Sql.Value(changedAt));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.Field).ToArray()));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.OldValue).ToArray()));
        command.Parameters.Add(Sql.Value(changes.Select(c => c.NewValue).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
