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
        return await ReadAsync(batch, cancellationToken);
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
                new NpgsqlBatchCommand("SELECT lock_value_tier_rules_shared($1)") { Parameters = { Sql.Text(tenantId) } },
                Select(tenantId),
            },
        };
        return await ReadAsync(batch, cancellationToken);
    }

    private static NpgsqlBatchCommand Select(string tenantId) =>
        new("SELECT rules::text, updated_at, version FROM value_tier_rules WHERE tenant_id = $1") { Parameters = { Sql.Text(tenantId) } };

    /// <summary>The rules that the last command of <paramref name="batch"/> selects.</summary>
    private static async Task<ValueTierRuleSet> ReadAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 1; i < batch.BatchCommands.Count; i++)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        return await reader.ReadAsync(cancellationToken)
            ? new ValueTierRuleSet(
                JsonSerializer.Deserialize<List<ValueTierRule>>(reader.GetString(0), Json)!, reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2))
            : ValueTierRuleSet.None;
    }

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

    /// <summary>Replaces the tenant's rules, holding the row locked until the transaction ends.</summary>
    /// <returns>The version of the rules saved.</returns>
    public static async Task<long> SaveAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<ValueTierRule> rules, string updatedBy, DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO value_tier_rules (tenant_id, rules, updated_by, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (tenant_id) DO UPDATE SET rules = $2, updated_by = $3, updated_at = $4, version = value_tier_rules.version + 1
            RETURNING version
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(rules, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(Sql.Text(updatedBy));
        command.Parameters.Add(Sql.Value(updatedAt));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
