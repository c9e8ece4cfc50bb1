using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL that removes a person's data outside their contact row, and the tombstones that remember them.</summary>
internal static class ErasureRows
{
    /// <summary>
    /// Deletes the contact's relationships, blanks the values of its history (who and when remain), the free-text
    /// sources of its consent ledger, and the texts (subject, notes, follow-up note) of its interactions and their history.
    /// </summary>
    public static async Task ScrubAsync(NpgsqlTransaction transaction, string tenantId, Guid contactId, string resourceName, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                Command("DELETE FROM relationships WHERE tenant_id = $1 AND (contact_id = $2 OR target_contact_id = $2)", tenantId, contactId),
                Command("UPDATE consent_ledger SET source = 'erased' WHERE tenant_id = $1 AND contact_id = $2", tenantId, contactId),
                Command("UPDATE audit_entries SET old_value = NULL, new_value = NULL WHERE tenant_id = $1 AND resource_name = $2",
                    tenantId, resourceName),
                Command(
                    """
                    UPDATE audit_entries SET old_value = NULL, new_value = NULL
                    WHERE tenant_id = $1 AND resource_name IN (SELECT 'interactions/' || id FROM interactions WHERE tenant_id = $1 AND contact_id = $2)
                    """,
                    tenantId, contactId),
                Command("UPDATE interactions SET subject = NULL, notes = NULL, follow_up_note = NULL WHERE tenant_id = $1 AND contact_id = $2",
                    tenantId, contactId),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task AddTombstonesAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<string> hashes, DateTimeOffset erasedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO erasure_tombstones (tenant_id, identifier_hash, erased_at)
            SELECT $1, h, $3 FROM unnest($2::text[]) AS h ON CONFLICT DO NOTHING
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(hashes.ToArray()));
        command.Parameters.Add(Sql.Value(erasedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the tombstones matching <paramref name="hashes"/>; returns how many there were.</summary>
    public static async Task<int> RemoveTombstonesAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "DELETE FROM erasure_tombstones WHERE tenant_id = $1 AND identifier_hash = ANY($2)", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(hashes.ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> AnyTombstoneAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM erasure_tombstones WHERE tenant_id = $1 AND identifier_hash = ANY($2))",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(hashes.ToArray()));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlBatchCommand Command(string sql, string tenantId, object key) =>
        new(sql) { Parameters = { Sql.Text(tenantId), Sql.Value(key) } };
}
