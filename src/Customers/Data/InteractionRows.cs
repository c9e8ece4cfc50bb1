using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>interactions</c>. Every statement is scoped to one tenant; interactions of deleted accounts are hidden.</summary>
internal static class InteractionRows
{
    private const string Columns =
        "i.id, i.tenant_id, i.account_id, i.contact_id, i.channel, i.touchpoint_type, i.touchpoint_owner, i.direction, i.purpose, "
        + "i.outcome, i.subject, i.notes, i.occurred_at, i.recorded_by, i.source, i.follow_up_due_at, i.follow_up_owner, "
        + "i.follow_up_note, i.follow_up_done_at, i.previous_attempts, i.version, i.created_at, i.updated_at";

    private const string ToAccount = " i JOIN accounts a ON a.id = i.account_id AND a.deleted_at IS NULL";
    private const string From = "interactions" + ToAccount;

    /// <summary>
    /// The insert of a new interaction, for the caller's batch. It writes nothing (<see cref="NpgsqlBatchCommand.RecordsAffected"/>
    /// is 0) when the tenant already has an interaction with <paramref name="requestId"/>.
    /// </summary>
    public static NpgsqlBatchCommand Insert(Interaction interaction, Guid? requestId)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO interactions (id, tenant_id, account_id, contact_id, channel, touchpoint_type, touchpoint_owner, direction,
                                      purpose, outcome, subject, notes, occurred_at, follow_up_due_at, follow_up_owner,
                                      follow_up_note, follow_up_done_at, version, updated_at, recorded_by, source,
                                      previous_attempts, created_at, request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
            ON CONFLICT (tenant_id, request_id) WHERE request_id IS NOT NULL DO NOTHING
            """);
        command.Parameters.Add(Sql.Value(interaction.Id));
        command.Parameters.Add(Sql.Text(interaction.TenantId));
        command.Parameters.Add(Sql.Value(interaction.AccountId));
        command.Parameters.Add(Sql.Uuid(interaction.ContactId));
        AddFields(command.Parameters, interaction);
        command.Parameters.Add(Sql.Text(interaction.RecordedBy));
        command.Parameters.Add(Sql.Text(interaction.Source));
        command.Parameters.Add(Sql.Value(interaction.PreviousAttempts.ToArray()));
        command.Parameters.Add(Sql.Value(interaction.CreatedAt));
        command.Parameters.Add(Sql.Uuid(requestId));
        return command;
    }

    public static async Task UpdateAsync(NpgsqlTransaction transaction, Interaction interaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE interactions SET channel = $5, touchpoint_type = $6, touchpoint_owner = $7, direction = $8, purpose = $9,
                                    outcome = $10, subject = $11, notes = $12, occurred_at = $13, follow_up_due_at = $14,
                                    follow_up_owner = $15, follow_up_note = $16, follow_up_done_at = $17, version = $18,
                                    updated_at = $19
            WHERE tenant_id = $2 AND id = $1 AND account_id = $3 AND contact_id IS NOT DISTINCT FROM $4
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Value(interaction.Id));
        command.Parameters.Add(Sql.Text(interaction.TenantId));
        command.Parameters.Add(Sql.Value(interaction.AccountId));
        command.Parameters.Add(Sql.Uuid(interaction.ContactId));
        AddFields(command.Parameters, interaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<Interaction?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, Guid id, RowLock rowLock,
        CancellationToken cancellationToken)
    {
        // Locked alone, in a subquery, as ContactRows.FindAsync does: an interaction a merge moved to another account while
        // this waited is then found on that account.
        var interactions = rowLock == RowLock.None
            ? "interactions"
            : $"(SELECT * FROM interactions WHERE tenant_id = $1 AND id = $2{rowLock.Sql()})";
        var sql = $"SELECT {Columns} FROM {interactions}{ToAccount} WHERE i.tenant_id = $1 AND i.id = $2";
        return (await QueryAsync(connection, transaction, sql, [Sql.Text(tenantId), Sql.Value(id)], cancellationToken)).SingleOrDefault();
    }

    public static async Task<Interaction?> FindByRequestIdAsync(
        NpgsqlTransaction transaction, string tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { ByRequestId(tenantId, requestId) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadFoundAsync(reader, cancellationToken);
    }

    /// <summary>What <see cref="FindByRequestIdAsync"/> runs, for a caller's batch: read it with <see cref="ReadFoundAsync"/>.</summary>
    public static NpgsqlBatchCommand ByRequestId(string tenantId, Guid requestId) =>
        new($"SELECT {Columns} FROM {From} WHERE i.tenant_id = $1 AND i.request_id = $2") { Parameters = { Sql.Text(tenantId), Sql.Value(requestId) } };

    /// <summary>The interaction found at the reader's current result, if any.</summary>
    public static async Task<Interaction?> ReadFoundAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        (await ReadAllAsync(reader, cancellationToken)).SingleOrDefault();

    /// <summary>What every interaction of an account says about the relationship, for the phase and value-tier rules.</summary>
    public static NpgsqlBatchCommand Signals(string tenantId, Guid accountId) =>
        new("SELECT occurred_at, direction, purpose, outcome FROM interactions WHERE tenant_id = $1 AND account_id = $2 ORDER BY occurred_at, id")
        {
            Parameters = { Sql.Text(tenantId), Sql.Value(accountId) },
        };

    /// <summary>The rows of <see cref="Signals"/>, at the reader's current result.</summary>
    public static async Task<List<InteractionSignal>> ReadSignalsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var signals = new List<InteractionSignal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            signals.Add(new InteractionSignal(
                reader.GetFieldValue<DateTimeOffset>(0),
                Enum<InteractionDirection>(reader, 1),
                Enum<InteractionPurpose>(reader, 2),
                Enum<InteractionOutcome>(reader, 3)));
        }

        return signals;
    }

    /// <summary>The signals of every interaction of a tenant since <paramref name="since"/>, by account.</summary>
    public static async Task<Dictionary<Guid, List<InteractionSignal>>> RecentSignalsAsync(
        NpgsqlTransaction transaction, string tenantId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT account_id, occurred_at, direction, purpose, outcome FROM interactions WHERE tenant_id = $1 AND occurred_at > $2",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var signals = new Dictionary<Guid, List<InteractionSignal>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var accountId = reader.GetGuid(0);
            if (!signals.TryGetValue(accountId, out var list))
            {
                signals[accountId] = list = [];
            }

            list.Add(new InteractionSignal(
                reader.GetFieldValue<DateTimeOffset>(1),
                Enum<InteractionDirection>(reader, 2),
                Enum<InteractionPurpose>(reader, 3),
                Enum<InteractionOutcome>(reader, 4)));
        }

        return signals;
    }

    /// <summary>
    /// The outbound interactions with the same contact (or, for <paramref name="contactId"/> null, with the account as a
    /// whole) that occurred in [<paramref name="from"/>, <paramref name="until"/>], oldest first: read them with
    /// <see cref="ReadAttemptsAsync"/>.
    /// </summary>
    public static NpgsqlBatchCommand OutboundAttempts(
        string tenantId, Guid accountId, Guid? contactId, DateTimeOffset from, DateTimeOffset until) =>
        new(
            """
            SELECT id, occurred_at FROM interactions
            WHERE tenant_id = $1 AND account_id = $2 AND contact_id IS NOT DISTINCT FROM $3 AND direction = $4
              AND occurred_at >= $5 AND occurred_at <= $6
            ORDER BY occurred_at, id
            """)
        {
            Parameters =
            {
                Sql.Text(tenantId),
                Sql.Value(accountId),
                Sql.Uuid(contactId),
                Sql.Value((short)InteractionDirection.Outbound),
                Sql.Value(from),
                Sql.Value(until),
            },
        };

    /// <summary>The attempts <see cref="OutboundAttempts"/> found at the reader's current result.</summary>
    public static async Task<List<(Guid Id, DateTimeOffset OccurredAt)>> ReadAttemptsAsync(
        NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var attempts = new List<(Guid, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return attempts;
    }

    /// <summary>A timeline page, newest first: after <see cref="InteractionQuery.After"/> in (occur time, id) order.</summary>
    public static Task<List<Interaction>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, InteractionQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter().Add("i.tenant_id = @p", Sql.Text(query.TenantId));
        filter.Add(query.ParentKind == RecordKind.Account ? "i.account_id = @p" : "i.contact_id = @p", Sql.Value(query.ParentId));
        if (query.Channel is { } channel)
        {
            filter.Add("i.channel = @p", Sql.Value((short)channel));
        }

        if (query.Purpose is { } purpose)
        {
            filter.Add("i.purpose = @p", Sql.Value((short)purpose));
        }

        if (query.RepeatedOnly)
        {
            filter.Add("cardinality(i.previous_attempts) > 0");
        }

        return PageAsync(connection, transaction, filter, "occurred_at", descending: true, query.TenantId, query.After, query.Limit, cancellationToken);
    }

    /// <summary>Open follow-ups, due soonest first, after <see cref="FollowUpQuery.After"/> in (due time, id) order.</summary>
    public static Task<List<Interaction>> OpenFollowUpsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, FollowUpQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter()
            .Add("i.tenant_id = @p", Sql.Text(query.TenantId))
            .Add("i.follow_up_due_at IS NOT NULL AND i.follow_up_done_at IS NULL");
        if (query.OwnerUserId is not null)
        {
            filter.Add("i.follow_up_owner = @p", Sql.Text(query.OwnerUserId));
        }

        if (query.AccountId is { } accountId)
        {
            filter.Add("i.account_id = @p", Sql.Value(accountId));
        }

        if (query.Scope is { All: false } scope)
        {
            filter.Add("a.owner_user_id = @p OR a.team = ANY(@p)", Sql.Text(scope.UserId), Sql.Value(scope.Teams.ToArray()));
        }

        if (query.DueBefore is { } dueBefore)
        {
            filter.Add("i.follow_up_due_at < @p", Sql.Value(dueBefore));
        }

        return PageAsync(connection, transaction, filter, "follow_up_due_at", descending: false, query.TenantId, query.After, query.Limit, cancellationToken);
    }

    /// <summary>
    /// One page in (<paramref name="sortColumn"/>, id) order, continuing after the interaction <paramref name="after"/>
    /// (keyset paging: rows inserted meanwhile never shift a page).
    /// </summary>
    private static Task<List<Interaction>> PageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Filter filter, string sortColumn, bool descending,
        string tenantId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        if (after is { } afterId)
        {
            filter.Add($"(i.{sortColumn}, i.id) {(descending ? "<" : ">")} (SELECT {sortColumn}, id FROM interactions WHERE tenant_id = @p AND id = @p)",
                Sql.Text(tenantId), Sql.Value(afterId));
        }

        var direction = descending ? " DESC" : string.Empty;
        var limitParameter = filter.NextParameter;
        filter.Parameters.Add(Sql.Value(limit));
        return QueryAsync(connection, transaction,
            $"SELECT {Columns} FROM {From} WHERE {filter.Where} ORDER BY i.{sortColumn}{direction}, i.id{direction} LIMIT {limitParameter}",
            filter.Parameters, cancellationToken);
    }

    /// <summary>How many interactions an account has (its contacts' included) and when the latest occurred.</summary>
    public static async Task<(int Count, DateTimeOffset? Latest)> CountAsync(
        NpgsqlTransaction transaction, string tenantId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int, max(occurred_at) FROM interactions WHERE tenant_id = $1 AND account_id = $2",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    private static void AddFields(NpgsqlParameterCollection parameters, Interaction interaction)
    {
        parameters.Add(Sql.Value((short)interaction.Channel));
        parameters.Add(Sql.SmallInt((short?)interaction.TouchpointType));
        parameters.Add(Sql.SmallInt((short?)interaction.TouchpointOwner));
        parameters.Add(Sql.SmallInt((short?)interaction.Direction));
        parameters.Add(Sql.SmallInt((short?)interaction.Purpose));
        parameters.Add(Sql.SmallInt((short?)interaction.Outcome));
        parameters.Add(Sql.Text(interaction.Subject));
        parameters.Add(Sql.Text(interaction.Notes));
        parameters.Add(Sql.Value(interaction.OccurredAt));
        parameters.Add(Sql.Time(interaction.FollowUp?.DueAt));
        parameters.Add(Sql.Text(interaction.FollowUp?.OwnerUserId));
        parameters.Add(Sql.Text(interaction.FollowUp?.Note));
        parameters.Add(Sql.Time(interaction.FollowUp?.DoneAt));
        parameters.Add(Sql.Value(interaction.Version));
        parameters.Add(Sql.Value(interaction.UpdatedAt));
    }

    private static T? Enum<T>(NpgsqlDataReader reader, int ordinal) where T : struct, System.Enum =>
        reader.IsDBNull(ordinal) ? null : (T)(object)(int)reader.GetInt16(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static async Task<List<Interaction>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, IEnumerable<NpgsqlParameter> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAllAsync(reader, cancellationToken);
    }

    private static async Task<List<Interaction>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var interactions = new List<Interaction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var followUp = reader.IsDBNull(15)
                ? null
                : new FollowUp(reader.GetFieldValue<DateTimeOffset>(15), reader.GetString(16), reader.NullableString(17), Time(reader, 18));
            interactions.Add(new Interaction(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                (InteractionChannel)reader.GetInt16(4),
                Enum<TouchpointType>(reader, 5),
                Enum<TouchpointOwner>(reader, 6),
                Enum<InteractionDirection>(reader, 7),
                Enum<InteractionPurpose>(reader, 8),
                Enum<InteractionOutcome>(reader, 9),
                reader.NullableString(10),
                reader.NullableString(11),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.GetString(13),
                reader.GetString(14),
                followUp,
                reader.GetFieldValue<Guid[]>(19),
                reader.GetInt64(20),
                reader.GetFieldValue<DateTimeOffset>(21),
                reader.GetFieldValue<DateTimeOffset>(22)));
        }

        return interactions;
    }
}

/// <summary>One timeline page of an account (its contacts' interactions included) or of one contact.</summary>
internal sealed record InteractionQuery(
    string TenantId, RecordKind ParentKind, Guid ParentId, InteractionChannel? Channel, InteractionPurpose? Purpose, bool RepeatedOnly,
    Guid? After, int Limit);

/// <summary>One page of open follow-ups: of one owner and/or account, within a read scope (null: no restriction).</summary>
internal sealed record FollowUpQuery(
    string TenantId, string? OwnerUserId, Guid? AccountId, ReadScope? Scope, DateTimeOffset? DueBefore, Guid? After, int Limit);
