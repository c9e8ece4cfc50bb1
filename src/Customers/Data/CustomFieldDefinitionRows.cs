using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL for <c>custom_field_definitions</c>, per tenant.</summary>
internal static class CustomFieldDefinitionRows
{
    /// <returns>False when the tenant already defines this key for this record kind.</returns>
    public static async Task<bool> InsertAsync(
        NpgsqlConnection connection, string tenantId, CustomFieldDefinition definition, string createdBy, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO custom_field_definitions (tenant_id, record_kind, key, display_name, type, choices, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value((short)definition.RecordKind));
        command.Parameters.Add(Sql.Text(definition.Key));
        command.Parameters.Add(Sql.Text(definition.DisplayName));
        command.Parameters.Add(Sql.Value((short)definition.Type));
        command.Parameters.Add(Sql.Value(definition.Choices.ToArray()));
        command.Parameters.Add(Sql.Text(createdBy));
        command.Parameters.Add(Sql.Value(definition.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The tenant's definitions, for one record kind or (null) both, by kind then key.</summary>
    public static async Task<List<CustomFieldDefinition>> ListAsync(
        NpgsqlConnection connection, string tenantId, RecordKind? recordKind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT record_kind, key, display_name, type, choices, created_at FROM custom_field_definitions
            WHERE tenant_id = $1 AND ($2::smallint IS NULL OR record_kind = $2) ORDER BY record_kind, key
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = recordKind is { } kind ? (short)kind : DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint,
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var definitions = new List<CustomFieldDefinition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            definitions.Add(new CustomFieldDefinition(
                (RecordKind)reader.GetInt16(0),
                reader.GetString(1),
                reader.GetString(2),
                (CustomFieldType)reader.GetInt16(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return definitions;
    }
}
