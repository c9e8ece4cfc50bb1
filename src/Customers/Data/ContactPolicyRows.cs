using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>contact_policies</c>, one row per tenant that changed the defaults.</summary>
internal static class ContactPolicyRows
{
    /// <returns>The tenant's policy, or the defaults.</returns>
    public static async Task<ContactPolicy> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Select(tenantId) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    public static NpgsqlBatchCommand Select(string tenantId) =>
        new("SELECT repeated_contact_window_seconds, repeated_contact_threshold FROM contact_policies WHERE tenant_id = $1")
        {
            Parameters = { Sql.Text(tenantId) },
        };

    /// <returns>The policy <see cref="Select"/> found at the reader's current result, or the defaults.</returns>
    public static async Task<ContactPolicy> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new ContactPolicy(TimeSpan.FromSeconds(reader.GetInt64(0)), reader.GetInt32(1))
            : ContactPolicy.Default;

    /// <summary>
    /// Serialises the tenant's policy changes, also before the tenant has a row to lock: two first changes of different
    /// fields would each start from the defaults, and the later one would undo the other.
    /// </summary>
    public static async Task LockAsync(NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtextextended('contact_policy:' || $1, 0))", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task SaveAsync(
        NpgsqlTransaction transaction, string tenantId, ContactPolicy policy, string updatedBy, DateTimeOffset updatedAt,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO contact_policies (tenant_id, repeated_contact_window_seconds, repeated_contact_threshold, updated_by, updated_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id) DO UPDATE SET repeated_contact_window_seconds = $2, repeated_contact_threshold = $3,
                                                  updated_by = $4, updated_at = $5
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value((long)policy.RepeatedContactWindow.TotalSeconds));
        command.Parameters.Add(Sql.Value(policy.RepeatedContactThreshold));
        command.Parameters.Add(Sql.Text(updatedBy));
        command.Parameters.Add(Sql.Value(updatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
