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
        await using var command = new NpgsqlCommand(
            "SELECT rules::text, updated_at, version FROM value_tier_rules WHERE tenant_id = $1", connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ValueTierRuleSet(
                JsonSerializer.Deserialize<List<ValueTierRule>>(reader.GetString(0), Json)!, reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2))
            : ValueTierRuleSet.None;
    }

    /// <summary>
    /// Fails the batch it is part of (see <see cref="IsVersionChanged"/>) unless <paramref name="version"/> is still the
    /// version of the tenant's rules.
    /// </summary>
    public static NpgsqlBatchCommand CheckVersion(string tenantId, long version) =>
        new("SELECT check_value_tier_rules_version($1, $2)") { Parameters = { Sql.Text(tenantId), Sql.Value(version) } };

    /// <summary>The error of <see cref="CheckVersion"/> when the tenant's rules changed.</summary>
    public static bool IsVersionChanged(PostgresException error) => error.SqlState == "CR001";

    /// <summary>Locks the tenant's accounts whose tier the rules decide (not set by hand), for their re-evaluation.</summary>
    public static async Task LockRuleGovernedAccountsAsync(NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT id FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL AND value_tier_source IS DISTINCT FROM $2
            ORDER BY id FOR UPDATE
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(ValueTierRules.Manual));
        await command.ExecuteNonQueryAsync(cancellationToken);
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
