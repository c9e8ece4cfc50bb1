using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for the append-only <c>phase_changes</c> history of accounts.</summary>
internal static class PhaseChangeRows
{
    /// <summary>The insert of <paramref name="change"/>, for the caller's batch.</summary>
    public static NpgsqlBatchCommand Append(string tenantId, PhaseChange change)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO phase_changes (tenant_id, account_id, from_phase, to_phase, reason, changed_by, changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(change.AccountId));
        command.Parameters.Add(Sql.Value((short)change.From));
        command.Parameters.Add(Sql.Value((short)change.To));
        command.Parameters.Add(Sql.Text(change.Reason));
        command.Parameters.Add(Sql.Text(change.ChangedBy));
        command.Parameters.Add(Sql.Value(change.ChangedAt));
        return command;
    }

    /// <summary>Up to <paramref name="limit"/> changes of an account before <paramref name="beforeSequence"/>, newest first.</summary>
    public static async Task<List<PhaseChange>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, Guid accountId, long? beforeSequence, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id, account_id, from_phase, to_phase, reason, changed_by, changed_at FROM phase_changes
            WHERE tenant_id = $1 AND account_id = $2 AND id < $3 ORDER BY id DESC LIMIT $4
            """,
            connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(accountId));
        command.Parameters.Add(Sql.Value(beforeSequence ?? long.MaxValue));
        command.Parameters.Add(Sql.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<PhaseChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new PhaseChange(
                reader.GetInt64(0),
                reader.GetGuid(1),
                (RelationshipPhase)reader.GetInt16(2),
                (RelationshipPhase)reader.GetInt16(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return changes;
    }

    /// <summary>
    /// Accounts (of every tenant) whose derived phase is an active one but that had no interaction since
    /// <paramref name="inactiveSince"/>: candidates of the time-based dissolution rule, after <paramref name="afterId"/>.
    /// </summary>
    public static async Task<List<(string TenantId, Guid AccountId)>> InactiveCandidatesAsync(
        NpgsqlConnection connection, DateTimeOffset inactiveSince, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.tenant_id, a.id FROM accounts a
            WHERE a.deleted_at IS NULL AND NOT a.phase_override AND a.phase IN (2, 3, 4) AND a.id > $1
              AND NOT EXISTS (SELECT 1 FROM interactions i
                              WHERE i.tenant_id = a.tenant_id AND i.account_id = a.id AND i.occurred_at > $2)
            ORDER BY a.id LIMIT $3
            """,
            connection);
        command.Parameters.Add(Sql.Value(afterId ?? Guid.Empty));
        command.Parameters.Add(Sql.Value(inactiveSince));
        command.Parameters.Add(Sql.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var candidates = new List<(string, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return candidates;
    }
}
