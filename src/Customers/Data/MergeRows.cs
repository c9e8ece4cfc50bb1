using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>
/// SQL of merges: every reference to a merged record moves to the survivor, and the merged rows are retired (blanked,
/// hidden, pointing at the survivor). Parameters of the re-parenting and retiring statements: $1 tenant, $2 the merged
/// ids, $3 the survivor's id.
/// </summary>
internal static class MergeRows
{
    /// <summary>
    /// The columns that reference an account and follow it into its survivor. (<c>contacts.account_id</c> moves too,
    /// with a history entry per contact: see <see cref="MoveContactsAsync"/>.) A new table that references accounts
    /// adds its line here.
    /// </summary>
    private static readonly (string Table, string Column)[] AccountReferences =
    [
        ("relationships", "target_account_id"),
        ("interactions", "account_id"),
        ("phase_changes", "account_id"),
    ];

    /// <summary>The columns that reference a contact and follow it into its survivor. A new table adds its line here.</summary>
    private static readonly (string Table, string Column)[] ContactReferences =
    [
        ("relationships", "contact_id"),
        ("relationships", "target_contact_id"),
        ("consent_ledger", "contact_id"),
        ("interactions", "contact_id"),
    ];

    /// <summary>
    /// Drops the relationships a merge would make redundant: those that would relate the survivor to itself, and
    /// duplicates of one already there (the untouched or oldest one stays). Then moves every reference and the merged
    /// records' field history to the survivor.
    /// </summary>
    public static async Task ReparentAsync(
        NpgsqlTransaction transaction, RecordKind kind, string tenantId, IReadOnlyList<Guid> mergedIds, Guid survivorId,
        CancellationToken cancellationToken)
    {
        var references = kind == RecordKind.Account ? AccountReferences : ContactReferences;
        var prefix = kind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix;
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        batch.BatchCommands.Add(Command(
            $"""
            DELETE FROM relationships r
            WHERE r.tenant_id = $1 AND {Touched("r")}
              AND ({Mapped("r.contact_id")} = {Mapped("r.target_contact_id")}
                   OR EXISTS (SELECT 1 FROM relationships o
                              WHERE o.tenant_id = $1 AND o.id <> r.id AND o.type = r.type
                                AND {Mapped("o.contact_id")} = {Mapped("r.contact_id")}
                                AND {Mapped("coalesce(o.target_account_id, o.target_contact_id)")}
                                    = {Mapped("coalesce(r.target_account_id, r.target_contact_id)")}
                                AND (o.id < r.id OR NOT {Touched("o")})))
            """,
            tenantId, mergedIds.ToArray(), survivorId));
        foreach (var (table, column) in references)
        {
            batch.BatchCommands.Add(Command(
                $"UPDATE {table} SET {column} = $3 WHERE tenant_id = $1 AND {column} = ANY($2)", tenantId, mergedIds.ToArray(), survivorId));
        }

        batch.BatchCommands.Add(Command(
            "UPDATE audit_entries SET resource_name = $3 WHERE tenant_id = $1 AND resource_name = ANY($2)",
            tenantId, mergedIds.Select(id => prefix + id).ToArray(), prefix + survivorId));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the contacts of the merged accounts, in id order, before the merge locks the accounts: every call that writes
    /// a contact (an update moving it, a contact merge, an erasure, a new relationship) locks the contact before any
    /// account, so taking the accounts first and then the contacts (to move them) could deadlock with any of them.
    /// </summary>
    public static async Task LockMovingContactsAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<Guid> mergedIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id FROM contacts WHERE tenant_id = $1 AND account_id = ANY($2) ORDER BY id FOR UPDATE", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(mergedIds.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Moves the contacts of the merged accounts to the survivor, each with a new version and a history entry.</summary>
    public static async Task MoveContactsAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<Guid> mergedIds, Guid survivorId, string changedBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH moved AS (
                UPDATE contacts c SET account_id = $3, version = c.version + 1, updated_at = $4
                FROM contacts old WHERE old.id = c.id AND c.tenant_id = $1 AND c.account_id = ANY($2)
                RETURNING c.id, c.version, old.account_id AS old_account_id)
            INSERT INTO audit_entries (tenant_id, resource_name, version, field, old_value, new_value, changed_by, changed_at)
            SELECT $1, '{Contact.ResourcePrefix}' || id, version, 'account', '{Account.ResourcePrefix}' || old_account_id,
                   '{Account.ResourcePrefix}' || $3, $5, $4
            FROM moved
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(mergedIds.ToArray()));
        command.Parameters.Add(Sql.Value(survivorId));
        command.Parameters.Add(Sql.Value(now));
        command.Parameters.Add(Sql.Text(changedBy));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Puts every interaction of the contact on the timeline of the account the contact belongs to (after a contact
    /// merge, the interactions of merged contacts of other accounts follow the survivor); returns the accounts they left.
    /// </summary>
    public static async Task<List<Guid>> MoveContactInteractionsAsync(
        NpgsqlTransaction transaction, string tenantId, Guid contactId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH moving AS (
                SELECT id, account_id FROM interactions WHERE tenant_id = $1 AND contact_id = $2 AND account_id <> $3 FOR UPDATE)
            UPDATE interactions i SET account_id = $3 FROM moving WHERE i.id = moving.id RETURNING moving.account_id
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        command.Parameters.Add(Sql.Value(accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var left = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            left.Add(reader.GetGuid(0));
        }

        return [.. left];
    }

    /// <summary>
    /// Retires the merged rows: their personal fields are blanked (the survivor holds what was chosen, the history the
    /// rest), they point at the survivor, and so do the records merged into them earlier. Then the survivor's list of
    /// merged ids is written.
    /// </summary>
    public static async Task RetireAsync(
        NpgsqlTransaction transaction, RecordKind kind, string tenantId, IReadOnlyList<Guid> mergedIds, Guid survivorId,
        IReadOnlyList<Guid> survivorMergedIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (table, blank) = kind == RecordKind.Account
            ? ("accounts", "display_name = '', email = NULL, phone = NULL, domain = NULL, address = NULL, commitment = NULL, "
                + "commitment_segment = NULL, deleted_at = $4")
            : ("contacts", "given_name = NULL, family_name = NULL, email = NULL, phone = NULL, job_title = NULL, address = NULL, "
                + "preferred_channel = NULL, contact_times = NULL");
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                Command(
                    $$"""
                    UPDATE {{table}} SET {{blank}}, tags = '{}', custom_fields = '{}', name_key = '', merged_ids = '{}',
                        merged_into = $3, version = version + 1, updated_at = $4
                    WHERE tenant_id = $1 AND id = ANY($2)
                    """,
                    tenantId, mergedIds.ToArray(), survivorId, now),
                Command($"UPDATE {table} SET merged_into = $3 WHERE tenant_id = $1 AND merged_into = ANY($2)", tenantId, mergedIds.ToArray(), survivorId),
                Command($"UPDATE {table} SET merged_ids = $2 WHERE tenant_id = $1 AND id = $3", tenantId, survivorMergedIds.ToArray(), survivorId),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The relationship involves a merged record.</summary>
    private static string Touched(string alias) => $"ARRAY[{alias}.contact_id, {alias}.target_account_id, {alias}.target_contact_id] && $2";

    private static string Mapped(string column) => $"(CASE WHEN {column} = ANY($2) THEN $3 ELSE {column} END)";

    private static NpgsqlBatchCommand Command(string sql, string tenantId, object merged, object survivor, params object[] more)
    {
        var command = new NpgsqlBatchCommand(sql) { Parameters = { Sql.Text(tenantId), Sql.Value(merged), Sql.Value(survivor) } };
        foreach (var value in more)
        {
            command.Parameters.Add(Sql.Value(value));
        }

        return command;
    }
}
