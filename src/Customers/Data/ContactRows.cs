using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Data;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>
/// SQL for <c>contacts</c>. Every statement is scoped to one tenant; erased, deleted and merged contacts and those of deleted
/// accounts are hidden.
/// </summary>
internal static class ContactRows
{
    private const string Columns =
        "c.id, c.tenant_id, c.account_id, c.given_name, c.family_name, c.email, c.phone, c.job_title, c.owner_user_id, c.team, "
        + "c.tags, c.version, c.created_at, c.updated_at, c.custom_fields::text, c.address::text, "
        + "c.preferred_channel, c.contact_times::text, a.domain, c.merged_ids";

    private const string ToAccount = " c JOIN accounts a ON a.id = c.account_id AND c.erased_at IS NULL AND c.merged_into IS NULL";
    private const string Live = " AND a.deleted_at IS NULL AND c.deleted_at IS NULL";
    private const string From = "contacts" + ToAccount + Live;

    /// <summary>What each sort key sorts by before id (indexed by migration 0018); a missing name sorts as "".</summary>
    private static readonly Dictionary<RecordSortKey, string> SortColumns = new()
    {
        [RecordSortKey.GivenName] = "lower(coalesce(c.given_name, ''))",
        [RecordSortKey.FamilyName] = "lower(coalesce(c.family_name, ''))",
        [RecordSortKey.CreateTime] = "c.created_at",
        [RecordSortKey.UpdateTime] = "c.updated_at",
    };

    /// <param name="withDeleted">
    /// Find a deleted contact, or one of a deleted account, too: its personal data can still be exported and erased.
    /// </param>
    public static async Task<Contact?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, Guid id, RowLock rowLock,
        CancellationToken cancellationToken, bool withDeleted = false)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Find(tenantId, id, rowLock, withDeleted) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadFoundAsync(reader, cancellationToken);
    }

    /// <summary>The live contact <paramref name="id"/>, read alone outside a transaction.</summary>
    public static async Task<Contact?> FindAsync(PostgresReads reads, string tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var batch = reads.CreateBatch();
        batch.BatchCommands.Add(Find(tenantId, id, RowLock.None));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadFoundAsync(reader, cancellationToken);
    }

    /// <summary>
    /// What <see cref="FindAsync(NpgsqlConnection, NpgsqlTransaction?, string, Guid, RowLock, CancellationToken, bool)"/>
    /// runs, for a caller's batch: read it with <see cref="ReadFoundAsync"/>.
    /// </summary>
    public static NpgsqlBatchCommand Find(string tenantId, Guid id, RowLock rowLock, bool withDeleted = false)
    {
        // A lock is taken on the contact alone, in a subquery: after waiting for a concurrent change, PostgreSQL re-checks
        // the row's new version, and against the account row it read before the wait it would miss a contact that moved.
        var contacts = rowLock == RowLock.None ? "contacts" : $"(SELECT * FROM contacts WHERE tenant_id = $1 AND id = $2{rowLock.Sql()})";
        return new($"SELECT {Columns} FROM {contacts}{ToAccount}{(withDeleted ? "" : Live)} WHERE c.tenant_id = $1 AND c.id = $2")
        {
            Parameters = { Sql.Text(tenantId), Sql.Value(id) },
        };
    }

    /// <summary>The contact <see cref="Find"/> found at the reader's current result, if any.</summary>
    public static async Task<Contact?> ReadFoundAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        (await ReadRowsAsync(reader, cancellationToken)).SingleOrDefault()?.Contact;

    /// <summary>The contact that <paramref name="mergedId"/> was merged into, if it was.</summary>
    public static async Task<Contact?> FindSurvivorAsync(
        PostgresReads reads, string tenantId, Guid mergedId, CancellationToken cancellationToken)
    {
        await using var batch = reads.CreateBatch();
        batch.BatchCommands.Add(new(
            $"SELECT {Columns} FROM {From} WHERE c.tenant_id = $1 AND c.id = (SELECT merged_into FROM contacts WHERE tenant_id = $1 AND id = $2)")
        {
            Parameters = { Sql.Text(tenantId), Sql.Value(mergedId) },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadFoundAsync(reader, cancellationToken);
    }

    /// <summary>The error of <see cref="Insert"/> when another contact of the tenant has its request id.</summary>
    public static bool IsRequestIdTaken(PostgresException error) =>
        error is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "contacts_request_id" };

    /// <summary>The contact created by the request, or the one it was merged into since; null when there is none (or it was deleted).</summary>
    public static async Task<Contact?> FindByRequestIdAsync(
        NpgsqlTransaction transaction, string tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(transaction.Connection!, transaction,
            $"""
            SELECT {Columns} FROM {From}
            WHERE c.tenant_id = $1 AND c.id = (SELECT coalesce(merged_into, id) FROM contacts WHERE tenant_id = $1 AND request_id = $2)
            """,
            [Sql.Text(tenantId), Sql.Value(requestId)], cancellationToken);
        return found.SingleOrDefault()?.Contact;
    }

    /// <summary>
    /// The contacts worth scoring against a new one (see <see cref="DuplicateCandidateRows.CreateCandidateIds"/>), with
    /// their account's domain.
    /// </summary>
    public static Task<List<ContactRow>> FindSimilarAsync(
        NpgsqlTransaction transaction, string tenantId, PartyProfile profile, CancellationToken cancellationToken) =>
        QueryAsync(transaction.Connection!, transaction,
            $"""
            SELECT {Columns} FROM {From}
            WHERE c.tenant_id = $1 AND c.id IN ({DuplicateCandidateRows.CreateCandidateIds(RecordKind.Contact)})
            """,
            [Sql.Text(tenantId), Sql.Text(profile.Email), Sql.Text(profile.Phone), Sql.Text(profile.NameKey)], cancellationToken);

    /// <summary>
    /// The insert of a new contact, for the caller's batch. When the tenant already has a contact with
    /// <paramref name="requestId"/> it fails (<see cref="IsRequestIdTaken"/>), and with it the batch's transaction.
    /// </summary>
    public static NpgsqlBatchCommand Insert(Contact contact, Guid? requestId, string createdBy)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO contacts (id, tenant_id, account_id, given_name, family_name, email, phone, job_title, owner_user_id,
                                  team, tags, version, updated_at, name_key, custom_fields, address, preferred_channel,
                                  contact_times, request_id, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
            """);
        command.Parameters.Add(Sql.Value(contact.Id));
        command.Parameters.Add(Sql.Text(contact.TenantId));
        AddFields(command.Parameters, contact);
        command.Parameters.Add(Sql.Uuid(requestId));
        command.Parameters.Add(Sql.Text(createdBy));
        command.Parameters.Add(Sql.Value(contact.CreatedAt));
        return command;
    }

    public static async Task UpdateAsync(NpgsqlTransaction transaction, Contact contact, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE contacts SET account_id = $3, given_name = $4, family_name = $5, email = $6, phone = $7, job_title = $8,
                                owner_user_id = $9, team = $10, tags = $11, version = $12, updated_at = $13, name_key = $14,
                                custom_fields = $15, address = $16, preferred_channel = $17, contact_times = $18
            WHERE tenant_id = $1 AND id = $2
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(contact.TenantId));
        command.Parameters.Add(Sql.Value(contact.Id));
        AddFields(command.Parameters, contact);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Blanks every personal field of the contact, keeping only its ids.</summary>
    public static async Task EraseAsync(NpgsqlTransaction transaction, Contact contact, DateTimeOffset erasedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE contacts SET given_name = NULL, family_name = NULL, email = NULL, phone = NULL, job_title = NULL, tags = '{}',
                                custom_fields = '{}', address = NULL, preferred_channel = NULL, contact_times = NULL, name_key = '',
                                version = version + 1, updated_at = $3, erased_at = $3
            WHERE tenant_id = $1 AND id = $2
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(contact.TenantId));
        command.Parameters.Add(Sql.Value(contact.Id));
        command.Parameters.Add(Sql.Value(erasedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task MarkDeletedAsync(
        NpgsqlTransaction transaction, Contact contact, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE contacts SET deleted_at = $3, version = version + 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(contact.TenantId));
        command.Parameters.Add(Sql.Value(contact.Id));
        command.Parameters.Add(Sql.Value(deletedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<Contact>> ListAsync(NpgsqlConnection connection, ContactQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter().Add("c.tenant_id = @p", Sql.Text(query.TenantId));
        if (!query.Scope.All)
        {
            filter.Add("c.owner_user_id = @p OR c.team = ANY(@p)", Sql.Text(query.Scope.UserId), Sql.Value(query.Scope.Teams.ToArray()));
        }

        if (query.AccountId is { } accountId)
        {
            filter.Add("c.account_id = @p", Sql.Value(accountId));
        }

        if (query.OwnerUserId is not null)
        {
            filter.Add("c.owner_user_id = @p", Sql.Text(query.OwnerUserId));
        }

        if (query.Team is not null)
        {
            filter.Add("c.team = @p", Sql.Text(query.Team));
        }

        if (query.Tag is not null)
        {
            filter.Add("c.tags @> @p", Sql.Value(new[] { query.Tag }));
        }

        if (query.Search is not null)
        {
            var pattern = Sql.Contains(query.Search);
            filter.Add("c.search_text LIKE @p OR @p <% c.search_text OR a.search_text LIKE @p OR @p <% a.search_text",
                Sql.Text(pattern), Sql.Text(query.Search), Sql.Text(pattern), Sql.Text(query.Search));
        }

        if (query.CustomFields.Count > 0)
        {
            filter.Add("c.custom_fields @> @p", CustomFieldJson.Filter(query.CustomFields));
        }

        var orderBy = Keyset.OrderBy(filter, query.Order, query.After, SortColumns, "c.id");
        var limit = filter.NextParameter;
        filter.Parameters.Add(Sql.Value(query.Limit));
        var rows = await QueryAsync(connection, null,
            $"SELECT {Columns} FROM {From} WHERE {filter.Where} ORDER BY {orderBy} LIMIT {limit}", filter.Parameters, cancellationToken);
        return rows.Select(r => r.Contact).ToList();
    }

    private static void AddFields(NpgsqlParameterCollection parameters, Contact contact)
    {
        parameters.Add(Sql.Value(contact.AccountId));
        parameters.Add(Sql.Text(contact.GivenName));
        parameters.Add(Sql.Text(contact.FamilyName));
        parameters.Add(Sql.Text(contact.Email));
        parameters.Add(Sql.Text(contact.Phone));
        parameters.Add(Sql.Text(contact.JobTitle));
        parameters.Add(Sql.Text(contact.Ownership.OwnerUserId));
        parameters.Add(Sql.Text(contact.Ownership.Team));
        parameters.Add(Sql.Value(contact.Tags.ToArray()));
        parameters.Add(Sql.Value(contact.Version));
        parameters.Add(Sql.Value(contact.UpdatedAt));
        parameters.Add(Sql.Text(NameKeys.Of(contact.FullName)));
        parameters.Add(CustomFieldJson.Parameter(contact.CustomFields));
        parameters.Add(AddressJson.Parameter(contact.Address));
        parameters.Add(Sql.SmallInt((short?)contact.PreferredChannel));
        parameters.Add(ContactTimesJson.Parameter(contact.ContactTimes));
    }

    private static async Task<List<ContactRow>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IEnumerable<NpgsqlParameter> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadRowsAsync(reader, cancellationToken);
    }

    private static async Task<List<ContactRow>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var contacts = new List<ContactRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            contacts.Add(new ContactRow(
                new Contact(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetGuid(2),
                    reader.NullableString(3),
                    reader.NullableString(4),
                    reader.NullableString(5),
                    reader.NullableString(6),
                    reader.NullableString(7),
                    new Ownership(reader.GetString(8), reader.GetString(9)),
                    reader.GetFieldValue<string[]>(10),
                    reader.GetInt64(11),
                    reader.GetFieldValue<DateTimeOffset>(12),
                    reader.GetFieldValue<DateTimeOffset>(13),
                    CustomFieldJson.Read(reader.GetString(14)),
                    AddressJson.Read(reader.NullableString(15)),
                    reader.IsDBNull(16) ? null : (ContactChannel)reader.GetInt16(16),
                    ContactTimesJson.Read(reader.NullableString(17))) { MergedIds = reader.GetFieldValue<Guid[]>(19) },
                reader.NullableString(18)));
        }

        return contacts;
    }
}

/// <summary>A contact and its account's web domain (company-domain evidence for de-duplication).</summary>
internal sealed record ContactRow(Contact Contact, string? AccountDomain);
