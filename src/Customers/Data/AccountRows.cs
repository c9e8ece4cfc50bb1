using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Data;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>accounts</c>. Every statement is scoped to one tenant; deleted accounts are never returned.</summary>
internal static class AccountRows
{
    private const string Columns =
        "id, tenant_id, kind, display_name, email, phone, domain, owner_user_id, team, tags, phase, version, created_at, updated_at, "
        + "custom_fields::text, address::text, commitment::text, value_tier, phase_override, value_tier_source, merged_ids";

    /// <summary>What each sort key sorts by before id (indexed by migration 0015).</summary>
    private static readonly Dictionary<RecordSortKey, string> SortColumns = new()
    {
        [RecordSortKey.DisplayName] = "lower(display_name)",
        [RecordSortKey.CreateTime] = "created_at",
        [RecordSortKey.UpdateTime] = "updated_at",
    };

    /// <param name="withDeleted">Find a deleted account too (the personal data of its contacts can still be exported and erased).</param>
    public static async Task<Account?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, Guid id, RowLock rowLock,
        CancellationToken cancellationToken, bool withDeleted = false)
    {
        var found = await QueryAsync(
            connection, transaction, FindSql(rowLock, withDeleted), [Sql.Text(tenantId), Sql.Value(id)], cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>The live account <paramref name="id"/>, read alone outside a transaction.</summary>
    public static async Task<Account?> FindAsync(PostgresReads reads, string tenantId, Guid id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            reads, FindSql(RowLock.None, withDeleted: false), [Sql.Text(tenantId), Sql.Value(id)], cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>The account that <paramref name="mergedId"/> was merged into, if it was.</summary>
    public static async Task<Account?> FindSurvivorAsync(
        PostgresReads reads, string tenantId, Guid mergedId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(reads,
            $"""
            SELECT {Columns} FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL
              AND id = (SELECT merged_into FROM accounts WHERE tenant_id = $1 AND id = $2)
            """,
            [Sql.Text(tenantId), Sql.Value(mergedId)], cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>
    /// The live accounts of <paramref name="ids"/> by requested id, in one query: an id merged into another account maps
    /// to that survivor (whose merged_ids hold it), as <see cref="FindAsync(PostgresReads, string, Guid, CancellationToken)"/>
    /// then <see cref="FindSurvivorAsync"/> find it. Ids not found are absent.
    /// </summary>
    public static async Task<Dictionary<Guid, Account>> FindManyAsync(
        PostgresReads reads, string tenantId, Guid[] ids, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(reads,
            $"""
            SELECT {Columns} FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL
              AND (id = ANY($2) OR id IN (SELECT merged_into FROM accounts WHERE tenant_id = $1 AND id = ANY($2)))
            """,
            [Sql.Text(tenantId), Sql.Value(ids)], cancellationToken);
        var requested = ids.ToHashSet();
        var byRequestedId = new Dictionary<Guid, Account>();
        foreach (var account in found)
        {
            foreach (var id in account.MergedIds.Prepend(account.Id).Where(requested.Contains))
            {
                byRequestedId.TryAdd(id, account);
            }
        }

        return byRequestedId;
    }

    /// <summary>The error of <see cref="Insert"/> when another account of the tenant has its request id.</summary>
    public static bool IsRequestIdTaken(PostgresException error) =>
        error is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "accounts_request_id" };

    /// <summary>The account created by the request, or the one it was merged into since; null when there is none (or it was deleted).</summary>
    public static async Task<Account?> FindByRequestIdAsync(
        NpgsqlConnection connection, string tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(connection, null,
            $"""
            SELECT {Columns} FROM accounts
            WHERE tenant_id = $1 AND deleted_at IS NULL
              AND id = (SELECT coalesce(merged_into, id) FROM accounts WHERE tenant_id = $1 AND request_id = $2)
            """,
            [Sql.Text(tenantId), Sql.Value(requestId)], cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>The accounts worth scoring against a new one (see <see cref="DuplicateCandidateRows.CreateCandidateIds"/>).</summary>
    public static Task<List<Account>> FindSimilarAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, PartyProfile profile,
        CancellationToken cancellationToken) =>
        QueryAsync(connection, transaction,
            $"""
            SELECT {Columns} FROM accounts
            WHERE tenant_id = $1 AND id IN ({DuplicateCandidateRows.CreateCandidateIds(RecordKind.Account)})
            """,
            [Sql.Text(tenantId), Sql.Text(profile.Email), Sql.Text(profile.Phone), Sql.Text(profile.NameKey)], cancellationToken);

    /// <summary>
    /// The insert of a new account, for the caller's batch. When the tenant already has an account with
    /// <paramref name="requestId"/> it fails (<see cref="IsRequestIdTaken"/>), and with it the batch's transaction.
    /// </summary>
    public static NpgsqlBatchCommand Insert(Account account, Guid? requestId, string createdBy)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO accounts (id, tenant_id, kind, display_name, email, phone, domain, owner_user_id, team, tags, phase,
                                  version, request_id, created_by, created_at, updated_at, name_key, custom_fields,
                                  address, commitment, commitment_segment, value_tier, phase_override, value_tier_source)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
            """);
        command.Parameters.Add(Sql.Value(account.Id));
        command.Parameters.Add(Sql.Text(account.TenantId));
        AddFields(command.Parameters, account);
        command.Parameters.Add(Sql.Uuid(requestId));
        command.Parameters.Add(Sql.Text(createdBy));
        command.Parameters.Add(Sql.Value(account.CreatedAt));
        command.Parameters.Add(Sql.Value(account.UpdatedAt));
        command.Parameters.Add(Sql.Text(account.Profile.NameKey));
        command.Parameters.Add(CustomFieldJson.Parameter(account.CustomFields));
        command.Parameters.Add(AddressJson.Parameter(account.Address));
        command.Parameters.Add(CommitmentJson.Parameter(account.Commitment));
        command.Parameters.Add(CommitmentJson.Segment(account.Commitment));
        AddDerivedFields(command.Parameters, account);
        return command;
    }

    public static Task UpdateAsync(NpgsqlTransaction transaction, Account account, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(transaction, [Update(account)], cancellationToken);

    /// <summary>The update of an existing account to <paramref name="account"/>, for the caller's batch.</summary>
    public static NpgsqlBatchCommand Update(Account account)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE accounts SET kind = $3, display_name = $4, email = $5, phone = $6, domain = $7, owner_user_id = $8,
                                team = $9, tags = $10, phase = $11, version = $12, updated_at = $13, name_key = $14,
                                custom_fields = $15, address = $16, commitment = $17, commitment_segment = $18,
                                value_tier = $19, phase_override = $20, value_tier_source = $21
            WHERE tenant_id = $1 AND id = $2
            """);
        command.Parameters.Add(Sql.Text(account.TenantId));
        command.Parameters.Add(Sql.Value(account.Id));
        AddFields(command.Parameters, account);
        command.Parameters.Add(Sql.Value(account.UpdatedAt));
        command.Parameters.Add(Sql.Text(account.Profile.NameKey));
        command.Parameters.Add(CustomFieldJson.Parameter(account.CustomFields));
        command.Parameters.Add(AddressJson.Parameter(account.Address));
        command.Parameters.Add(CommitmentJson.Parameter(account.Commitment));
        command.Parameters.Add(CommitmentJson.Segment(account.Commitment));
        AddDerivedFields(command.Parameters, account);
        return command;
    }

    public static async Task MarkDeletedAsync(
        NpgsqlTransaction transaction, Account account, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE accounts SET deleted_at = $3, version = version + 1 WHERE tenant_id = $1 AND id = $2",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(account.TenantId));
        command.Parameters.Add(Sql.Value(account.Id));
        command.Parameters.Add(Sql.Value(deletedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task<List<Account>> ListAsync(NpgsqlConnection connection, AccountQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter()
            .Add("tenant_id = @p", Sql.Text(query.TenantId))
            .Add("deleted_at IS NULL");
        if (!query.Scope.All)
        {
            filter.Add("owner_user_id = @p OR team = ANY(@p)", Sql.Text(query.Scope.UserId), Sql.Value(query.Scope.Teams.ToArray()));
        }

        if (query.OwnerUserId is not null)
        {
            filter.Add("owner_user_id = @p", Sql.Text(query.OwnerUserId));
        }

        if (query.Team is not null)
        {
            filter.Add("team = @p", Sql.Text(query.Team));
        }

        if (query.Tag is not null)
        {
            filter.Add("tags @> @p", Sql.Value(new[] { query.Tag }));
        }

        if (query.Phase is { } phase)
        {
            filter.Add("phase = @p", Sql.Value((short)phase));
        }

        if (query.Segment is { } segment)
        {
            filter.Add("commitment_segment = @p", Sql.Value((short)segment));
        }

        if (query.ValueTier is { } tier)
        {
            filter.Add("value_tier = @p", Sql.Value((short)tier));
        }

        if (query.Kind is { } kind)
        {
            filter.Add("kind = @p", Sql.Value((short)kind));
        }

        if (query.Search is not null)
        {
            filter.Add("search_text LIKE @p OR @p <% search_text", Sql.Text(Sql.Contains(query.Search)), Sql.Text(query.Search));
        }

        if (query.CustomFields.Count > 0)
        {
            filter.Add("custom_fields @> @p", CustomFieldJson.Filter(query.CustomFields));
        }

        var orderBy = Keyset.OrderBy(filter, query.Order, query.After, SortColumns, "id");
        var limit = filter.NextParameter;
        filter.Parameters.Add(Sql.Value(query.Limit));
        return QueryAsync(connection, null, $"SELECT {Columns} FROM accounts WHERE {filter.Where} ORDER BY {orderBy} LIMIT {limit}",
            filter.Parameters, cancellationToken);
    }

    private static void AddFields(NpgsqlParameterCollection parameters, Account account)
    {
        parameters.Add(Sql.Value((short)account.Kind));
        parameters.Add(Sql.Text(account.DisplayName));
        parameters.Add(Sql.Text(account.Email));
        parameters.Add(Sql.Text(account.Phone));
        parameters.Add(Sql.Text(account.Domain));
        parameters.Add(Sql.Text(account.Ownership.OwnerUserId));
        parameters.Add(Sql.Text(account.Ownership.Team));
        parameters.Add(Sql.Value(account.Tags.ToArray()));
        parameters.Add(Sql.Value((short)account.Phase));
        parameters.Add(Sql.Value(account.Version));
    }

    private static void AddDerivedFields(NpgsqlParameterCollection parameters, Account account)
    {
        parameters.Add(Sql.SmallInt((short?)account.ValueTier));
        parameters.Add(Sql.Value(account.PhaseOverride));
        parameters.Add(Sql.Text(account.ValueTierSource));
    }

    private static string FindSql(RowLock rowLock, bool withDeleted) =>
        $"SELECT {Columns} FROM accounts WHERE tenant_id = $1 AND id = $2"
        + (withDeleted ? "" : " AND deleted_at IS NULL")
        + rowLock.Sql();

    private static async Task<List<Account>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IEnumerable<NpgsqlParameter> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await ReadAsync(command, parameters, cancellationToken);
    }

    private static async Task<List<Account>> QueryAsync(
        PostgresReads reads, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = reads.CreateCommand(sql);
        return await ReadAsync(command, parameters, cancellationToken);
    }

    private static async Task<List<Account>> ReadAsync(
        NpgsqlCommand command, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new Account(
                reader.GetGuid(0),
                reader.GetString(1),
                (AccountKind)reader.GetInt16(2),
                reader.GetString(3),
                reader.NullableString(4),
                reader.NullableString(5),
                reader.NullableString(6),
                new Ownership(reader.GetString(7), reader.GetString(8)),
                reader.GetFieldValue<string[]>(9),
                (RelationshipPhase)reader.GetInt16(10),
                reader.GetInt64(11),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.GetFieldValue<DateTimeOffset>(13),
                CustomFieldJson.Read(reader.GetString(14)),
                AddressJson.Read(reader.NullableString(15)),
                CommitmentJson.Read(reader.NullableString(16)),
                reader.IsDBNull(17) ? null : (ValueTier)reader.GetInt16(17),
                reader.GetBoolean(18),
                reader.NullableString(19)) { MergedIds = reader.GetFieldValue<Guid[]>(20) });
        }

        return accounts;
    }
}
