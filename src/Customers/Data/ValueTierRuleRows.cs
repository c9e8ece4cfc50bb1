using System.Text.Json;
using System.Text.Json.Serialization;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>value_tier_rules</c>: a tenant's rules as one jsonb array, in priority order.</summary>
internal static class ValueTierRuleRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<ValueTierRuleSet> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Select(tenantId) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    /// <summary>
    /// The tenant's rules for an account that <paramref name="transaction"/> inserts: read under the lock that a replacement
    /// of the rules takes exclusively (see <see cref="LockForReplacementAsync"/>), so they stay the tenant's rules until the
    /// insert commits.
    /// </summary>
    public static async Task<ValueTierRuleSet> FindForInsertAsync(
        NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                LockShared(tenantId),
                Select(tenantId),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    /// <summary>
    /// Takes the lock <see cref="FindForInsertAsync"/> reads under, for a write that hands an account's tier back to the
    /// rules (its tier was set by hand, so a replacement of the rules running meanwhile does not re-evaluate it).
    /// </summary>
    public static async Task LockSharedAsync(NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { LockShared(tenantId) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand LockShared(string tenantId) =>
        new("SELECT lock_value_tier_rules_shared($1)") { Parameters = { Sql.Text(tenantId) } };

    public static NpgsqlBatchCommand Select(string tenantId) =>
        new("SELECT rules::text, updated_at, version FROM value_tier_rules WHERE tenant_id = $1") { Parameters = { Sql.Text(tenantId) } };

    /// <returns>The rules <see cref="Select"/> found at the reader's current result, or none.</returns>
    public static async Task<ValueTierRuleSet> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new ValueTierRuleSet(
                JsonSerializer.Deserialize<List<ValueTierRule>>(reader.GetString(0), Json)!, reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2))
            : ValueTierRuleSet.None;

    /// <summary>
    /// Fails the batch it is part of (see <see cref="IsVersionChanged"/>) unless <paramref name="version"/> is still the
    /// version of the tenant's rules, checked under the lock <see cref="FindForInsertAsync"/> takes.
    /// </summary>
    public static NpgsqlBatchCommand CheckVersion(string tenantId, long version) =>
        new("SELECT check_value_tier_rules_version($1, $2)") { Parameters = { Sql.Text(tenantId), Sql.Value(version) } };

    /// <summary>The error of <see cref="CheckVersion"/> when the tenant's rules changed.</summary>
    public static bool IsVersionChanged(PostgresException error) => error.SqlState == "CR001";

    /// <summary>
    /// Waits for the account inserts that read the tenant's rules and keeps new ones waiting until the transaction ends,
    /// then locks the tenant's accounts whose tier the rules decide (not set by hand), for their re-evaluation: every
    /// account committed so far is among them.
    /// </summary>
    public static async Task LockForReplacementAsync(NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT lock_value_tier_rules($1)") { Parameters = { Sql.Text(tenantId) } },
                new NpgsqlBatchCommand(
                    """
                    SELECT id FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL AND value_tier_source IS DISTINCT FROM $2
                    ORDER BY id FOR UPDATE
                    """)
                {
                    Parameters = { Sql.Text(tenantId), Sql.Text(ValueTierRules.Manual) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the tenant's rules, holding the row locked until the transaction ends. The replacement re-evaluates every
    /// account, so the tiers are aged up to now.
    /// </summary>
    /// <returns>The version of the rules saved.</returns>
    public static async Task<long> SaveAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<ValueTierRule> rules, string updatedBy, DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO value_tier_rules (tenant_id, rules, updated_by, updated_at, aged_until) VALUES ($1, $2, $3, $4, $4)
            ON CONFLICT (tenant_id) DO UPDATE
            SET rules = $2, updated_by = $3, updated_at = $4, aged_until = $4, version = value_tier_rules.version + 1
            RETURNING version
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(rules, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(Sql.Text(updatedBy));
        command.Parameters.Add(Sql.Value(updatedAt));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The tenants whose rules count purchases or interactions within a window, with the time their rule-governed tiers
    /// are aged up to (see <see cref="AgedAccountsAsync"/>).
    /// </summary>
    public static async Task<List<(string TenantId, DateTimeOffset AgedUntil)>> WindowedTenantsAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT tenant_id, aged_until FROM value_tier_rules
            WHERE jsonb_path_exists(rules, '$[*] ? (@.minPurchasesLastYear > 0 || @.minInteractionsLast90Days > 0)')
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<(string, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return tenants;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> accounts of the tenant after <paramref name="afterId"/>, in id order, whose tier the
    /// rules decide and that have an interaction that was inside the purchase or the activity window at
    /// <paramref name="agedUntil"/> and is outside it at <paramref name="now"/>: their counts fell with no write to them.
    /// </summary>
    public static async Task<List<Guid>> AgedAccountsAsync(
        NpgsqlConnection connection, string tenantId, DateTimeOffset agedUntil, DateTimeOffset now, Guid? afterId, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.id FROM accounts a
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.value_tier_source IS DISTINCT FROM $2 AND a.id > $3
              AND EXISTS (SELECT 1 FROM interactions i
                          WHERE i.tenant_id = $1 AND i.account_id = a.id
                            AND ((i.occurred_at > $4 - $6 AND i.occurred_at <= $5 - $6)
                                 OR (i.occurred_at > $4 - $7 AND i.occurred_at <= $5 - $7)))
            ORDER BY a.id LIMIT $8
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(ValueTierRules.Manual));
        command.Parameters.Add(Sql.Value(afterId ?? Guid.Empty));
        command.Parameters.Add(Sql.Value(agedUntil));
        command.Parameters.Add(Sql.Value(now));
        command.Parameters.Add(Sql.Value(ValueTierFacts.PurchaseWindow));
        command.Parameters.Add(Sql.Value(ValueTierFacts.ActivityWindow));
        command.Parameters.Add(Sql.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetGuid(0));
        }

        return accounts;
    }

    /// <summary>Records that the tenant's tiers are aged up to <paramref name="now"/> (never moving the time back).</summary>
    public static async Task MarkAgedAsync(NpgsqlConnection connection, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE value_tier_rules SET aged_until = greatest(aged_until, $2) WHERE tenant_id = $1", connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
