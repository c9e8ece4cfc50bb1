using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>relationships</c>, per tenant.</summary>
internal static class RelationshipRows
{
    private const string Columns =
        "id, tenant_id, type, contact_id, coalesce(target_account_id, target_contact_id), description, created_at";

    /// <returns>False when the same relationship already exists.</returns>
    public static async Task<bool> InsertAsync(
        NpgsqlTransaction transaction, Relationship relationship, string createdBy, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO relationships (id, tenant_id, type, contact_id, target_account_id, target_contact_id, description, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
            """,
            transaction.Connection, transaction);
        var toAccount = relationship.TargetKind == RecordKind.Account;
        command.Parameters.Add(Sql.Value(relationship.Id));
        command.Parameters.Add(Sql.Text(relationship.TenantId));
        command.Parameters.Add(Sql.Value((short)relationship.Type));
        command.Parameters.Add(Sql.Value(relationship.ContactId));
        command.Parameters.Add(Sql.Uuid(toAccount ? relationship.TargetId : null));
        command.Parameters.Add(Sql.Uuid(toAccount ? null : relationship.TargetId));
        command.Parameters.Add(Sql.Text(relationship.Description));
        command.Parameters.Add(Sql.Text(createdBy));
        command.Parameters.Add(Sql.Value(relationship.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<Relationship?> FindAsync(
        NpgsqlTransaction transaction, string tenantId, Guid id, RowLock rowLock, CancellationToken cancellationToken) =>
        (await QueryAsync(transaction.Connection!, transaction,
            $"SELECT {Columns} FROM relationships WHERE tenant_id = $1 AND id = $2" + rowLock.Sql(),
            [Sql.Text(tenantId), Sql.Value(id)], cancellationToken)).SingleOrDefault();

    public static async Task DeleteAsync(NpgsqlTransaction transaction, Relationship relationship, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM relationships WHERE tenant_id = $1 AND id = $2", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(relationship.TenantId));
        command.Parameters.Add(Sql.Value(relationship.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every relationship from or to a contact.</summary>
    public static async Task DeleteOfContactAsync(NpgsqlTransaction transaction, string tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "DELETE FROM relationships WHERE tenant_id = $1 AND (contact_id = $2 OR target_contact_id = $2)", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Relationships from or to the record <paramref name="id"/>, oldest first.</summary>
    public static Task<List<Relationship>> ListAsync(
        NpgsqlConnection connection, string tenantId, Guid id, CancellationToken cancellationToken) =>
        QueryAsync(connection, null,
            $"""
            SELECT {Columns} FROM relationships
            WHERE tenant_id = $1 AND (contact_id = $2 OR target_account_id = $2 OR target_contact_id = $2) ORDER BY id
            """,
            [Sql.Text(tenantId), Sql.Value(id)], cancellationToken);

    /// <summary>Everyone <paramref name="contactId"/> reports to, directly or through others.</summary>
    public static async Task<List<Guid>> ManagersOfAsync(
        NpgsqlTransaction transaction, string tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH RECURSIVE managers (id, depth) AS (
                SELECT target_contact_id, 1 FROM relationships WHERE tenant_id = $1 AND contact_id = $2 AND type = $3
                UNION
                SELECT r.target_contact_id, m.depth + 1 FROM relationships r JOIN managers m ON r.contact_id = m.id
                WHERE r.tenant_id = $1 AND r.type = $3 AND m.depth < {RelationshipRules.MaxReportingDepth})
            SELECT DISTINCT id FROM managers
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        command.Parameters.Add(Sql.Value((short)RelationshipType.ReportsTo));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var managers = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            managers.Add(reader.GetGuid(0));
        }

        return managers;
    }

    /// <summary>
    /// The shortest reporting line that leads from <paramref name="contactId"/> back to itself ("A reports to B, B to
    /// A"), as the contacts along it starting and ending with <paramref name="contactId"/>; empty when there is none.
    /// </summary>
    public static async Task<List<Guid>> ReportingCycleThroughAsync(
        NpgsqlTransaction transaction, string tenantId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH RECURSIVE lines (id, path) AS (
                SELECT target_contact_id, ARRAY[contact_id, target_contact_id] FROM relationships
                WHERE tenant_id = $1 AND contact_id = $2 AND type = $3
                UNION ALL
                SELECT r.target_contact_id, l.path || r.target_contact_id FROM relationships r JOIN lines l ON r.contact_id = l.id
                WHERE r.tenant_id = $1 AND r.type = $3 AND l.id <> $2 AND r.target_contact_id <> ALL (l.path[2:])
                  AND cardinality(l.path) <= {RelationshipRules.MaxReportingDepth})
            SELECT path FROM lines WHERE id = $2 ORDER BY cardinality(path) LIMIT 1
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(contactId));
        command.Parameters.Add(Sql.Value((short)RelationshipType.ReportsTo));
        return await command.ExecuteScalarAsync(cancellationToken) is Guid[] path ? [.. path] : [];
    }

    /// <summary>
    /// Serialises reporting-line changes of one tenant (new links, and merges that move links), so that two concurrent
    /// changes cannot close a cycle. Taken before any contact row is locked, so that the two kinds cannot deadlock.
    /// </summary>
    public static async Task LockReportingLinesAsync(NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('reports_to:' || $1, 0))",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<Relationship>> QueryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var relationships = new List<Relationship>();
        while (await reader.ReadAsync(cancellationToken))
        {
            relationships.Add(new Relationship(
                reader.GetGuid(0),
                reader.GetString(1),
                (RelationshipType)reader.GetInt16(2),
                reader.GetGuid(3),
                reader.GetGuid(4),
                reader.NullableString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return relationships;
    }
}
