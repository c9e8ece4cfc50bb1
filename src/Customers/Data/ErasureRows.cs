using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL that removes a person's data outside their contact row, and the tombstones that remember them.</summary>
internal static class ErasureRows
{
    /// <summary>
    /// Deletes the contact's relationships, blanks the values of its history (who and when remain), the free-text
    /// sources of its consent ledger, and the texts (subject, notes, follow-up note) of its interactions and their history.
    /// Import bookkeeping forgets the person: the import rows that created the contact (their client-chosen keys are
    /// often an email) and the import errors of those row keys or naming the person (email, phone or a name of three
    /// letters or more, as a whole word) are deleted; the jobs' counts stay. A later import of such a row is a new
    /// record, checked against the tombstones.
    /// </summary>
    public static async Task ScrubAsync(
        NpgsqlTransaction transaction, Contact contact, PersonIdentifiers identifiers, CancellationToken cancellationToken)
    {
        var (tenantId, contactId, resourceName) = (contact.TenantId, contact.Id, contact.ResourceName);
        Guid[] createdAs = [contactId, .. contact.MergedIds];
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    DELETE FROM import_errors
                    WHERE tenant_id = $1
                      AND (row_key IN (SELECT row_key FROM import_rows WHERE tenant_id = $1 AND contact_ids && $2)
                           OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS p WHERE row_key ~* p OR message ~* p))
                    """)
                {
                    Parameters = { Sql.Text(tenantId), Sql.Value(createdAs), Sql.Value(WordPatterns(identifiers)) },
                },
                Command("DELETE FROM import_rows WHERE tenant_id = $1 AND contact_ids && $2", tenantId, createdAs),
                Command("DELETE FROM relationships WHERE tenant_id = $1 AND (contact_id = $2 OR target_contact_id = $2)", tenantId, contactId),
                Command("UPDATE consent_ledger SET source = 'erased' WHERE tenant_id = $1 AND contact_id = $2", tenantId, contactId),
                Command("UPDATE audit_entries SET old_value = NULL, new_value = NULL WHERE tenant_id = $1 AND resource_name = $2",
                    tenantId, resourceName),
                BlankInteractionHistory("contact_id", tenantId, contactId),
                BlankInteractionTexts("contact_id", tenantId, contactId),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The values of <see cref="PersonIdentifiers.HistoryFields"/> in the contact's field history (which includes the
    /// history of the contacts merged into it), earlier and later, as (field, value).
    /// </summary>
    public static async Task<List<(string Field, string Value)>> HistoryIdentifiersAsync(
        NpgsqlTransaction transaction, Contact contact, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT field, value FROM audit_entries, LATERAL (VALUES (old_value), (new_value)) AS v (value)
            WHERE tenant_id = $1 AND resource_name = $2 AND field = ANY($3) AND value IS NOT NULL
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(contact.TenantId));
        command.Parameters.Add(Sql.Text(contact.ResourceName));
        command.Parameters.Add(Sql.Value(PersonIdentifiers.HistoryFields));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add((reader.GetString(0), reader.GetString(1)));
        }

        return values;
    }

    /// <summary>The accounts of the contacts merged into <paramref name="contact"/>.</summary>
    public static async Task<List<Guid>> AccountsOfMergedAsync(
        NpgsqlTransaction transaction, Contact contact, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT account_id FROM contacts WHERE tenant_id = $1 AND id = ANY($2)", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(contact.TenantId));
        command.Parameters.Add(Sql.Value(contact.MergedIds.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetGuid(0));
        }

        return accounts;
    }

    /// <summary>The households the contact is a member of through relationships.</summary>
    public static async Task<List<Guid>> HouseholdsOfAsync(
        NpgsqlTransaction transaction, string tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT target_account_id FROM relationships WHERE tenant_id = $1 AND contact_id = $2 AND type = $3",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        command.Parameters.Add(Sql.Value((short)RelationshipType.HouseholdMember));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var households = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            households.Add(reader.GetGuid(0));
        }

        return households;
    }

    /// <summary>Whether anyone but <paramref name="contactId"/> belongs to the account: its live contacts or household members.</summary>
    public static async Task<bool> HasOtherMembersAsync(
        NpgsqlTransaction transaction, string tenantId, Guid accountId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM contacts WHERE tenant_id = $1 AND account_id = $2 AND id <> $3
                                                        AND erased_at IS NULL AND merged_into IS NULL AND deleted_at IS NULL)
                OR EXISTS (SELECT 1 FROM relationships WHERE tenant_id = $1 AND target_account_id = $2 AND contact_id <> $3)
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(accountId));
        command.Parameters.Add(Sql.Value(contactId));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Blanks an account that is the person: its personal fields and the values of its history, and the texts of all its
    /// interactions (with any of its contacts or the account as a whole) and their history. Ids and business fields stay.
    /// </summary>
    public static async Task EraseAccountAsync(
        NpgsqlTransaction transaction, Account account, DateTimeOffset erasedAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    UPDATE accounts SET display_name = $3, email = NULL, phone = NULL, domain = NULL, address = NULL, tags = '{}',
                                        custom_fields = '{}', name_key = '', version = version + 1, updated_at = $4
                    WHERE tenant_id = $1 AND id = $2
                    """)
                {
                    Parameters =
                    {
                        Sql.Text(account.TenantId), Sql.Value(account.Id), Sql.Text(PersonalAccounts.ErasedDisplayName), Sql.Value(erasedAt),
                    },
                },
                Command("UPDATE audit_entries SET old_value = NULL, new_value = NULL WHERE tenant_id = $1 AND resource_name = $2",
                    account.TenantId, account.ResourceName),
                BlankInteractionHistory("account_id", account.TenantId, account.Id),
                BlankInteractionTexts("account_id", account.TenantId, account.Id),
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

    /// <summary>PostgreSQL regular expressions matching the person's emails, phones and names (3+ letters) as whole words.</summary>
    private static string[] WordPatterns(PersonIdentifiers identifiers) =>
        identifiers.Words.Select(text => $@"(^|[^[:alnum:]]){Escape(text)}($|[^[:alnum:]])").ToArray();

    /// <summary>Backslash before every character that is not a letter or digit, so the text matches literally.</summary>
    private static string Escape(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c.ToString() : "\\" + c));

    /// <summary>Blanks the values in the history of the interactions whose <paramref name="column"/> is <paramref name="id"/>.</summary>
    private static NpgsqlBatchCommand BlankInteractionHistory(string column, string tenantId, Guid id) =>
        Command(
            $"""
            UPDATE audit_entries SET old_value = NULL, new_value = NULL
            WHERE tenant_id = $1 AND resource_name IN (SELECT 'interactions/' || id FROM interactions WHERE tenant_id = $1 AND {column} = $2)
            """,
            tenantId, id);

    /// <summary>Blanks the texts (subject, notes, follow-up note) of the interactions whose <paramref name="column"/> is <paramref name="id"/>.</summary>
    private static NpgsqlBatchCommand BlankInteractionTexts(string column, string tenantId, Guid id) =>
        Command($"UPDATE interactions SET subject = NULL, notes = NULL, follow_up_note = NULL WHERE tenant_id = $1 AND {column} = $2", tenantId, id);

    private static NpgsqlBatchCommand Command(string sql, string tenantId, object key) =>
        new(sql) { Parameters = { Sql.Text(tenantId), Sql.Value(key) } };
}
