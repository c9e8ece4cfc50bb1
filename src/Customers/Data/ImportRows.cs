using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>SQL of import jobs (<c>import_jobs</c>, <c>import_errors</c>) and of the row keys already imported (<c>import_rows</c>).</summary>
internal static class ImportRows
{
    public const int MaxErrors = 1000;

    /// <summary>Creates the job, or continues it (a positive total replaces the known one); returns its starter and their team.</summary>
    public static async Task<Ownership> StartAsync(
        NpgsqlTransaction transaction, string tenantId, Guid importId, Ownership starter, int totalRows, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO import_jobs (tenant_id, id, created_by, team, total_rows, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
            ON CONFLICT (tenant_id, id) DO UPDATE
                SET total_rows = CASE WHEN excluded.total_rows > 0 THEN excluded.total_rows ELSE import_jobs.total_rows END
            RETURNING created_by, team
            """,
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(importId));
        command.Parameters.Add(Sql.Text(starter.OwnerUserId));
        command.Parameters.Add(Sql.Text(starter.Team));
        command.Parameters.Add(Sql.Value(totalRows));
        command.Parameters.Add(Sql.Value(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Ownership(reader.GetString(0), reader.GetString(1));
    }

    /// <summary>Claims a row key for this import; false when the tenant imported it before (or another import holds it).</summary>
    public static async Task<bool> ClaimRowKeyAsync(
        NpgsqlTransaction transaction, string tenantId, string rowKey, Guid importId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO import_rows (tenant_id, row_key, import_id, imported_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(rowKey));
        command.Parameters.Add(Sql.Value(importId));
        command.Parameters.Add(Sql.Value(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records what the row created, as its first result.</summary>
    public static async Task RecordResultAsync(
        NpgsqlTransaction transaction, string tenantId, string rowKey, Guid? accountId, IReadOnlyList<Guid> contactIds,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE import_rows SET account_id = $3, contact_ids = $4 WHERE tenant_id = $1 AND row_key = $2", transaction.Connection, transaction);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Text(rowKey));
        command.Parameters.Add(Sql.Uuid(accountId));
        command.Parameters.Add(Sql.Value(contactIds.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Counts one processed row, and keeps its error while the job has fewer than <see cref="MaxErrors"/>.</summary>
    public static async Task CountAsync(
        NpgsqlTransaction transaction, string tenantId, Guid importId, ImportProgress progress, ImportRowError? error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    UPDATE import_jobs SET processed_rows = processed_rows + 1, created_accounts = created_accounts + $3,
                        created_contacts = created_contacts + $4, skipped_rows = skipped_rows + $5, failed_rows = failed_rows + $6,
                        updated_at = $7
                    WHERE tenant_id = $1 AND id = $2
                    """)
                {
                    Parameters =
                    {
                        Sql.Text(tenantId), Sql.Value(importId), Sql.Value(progress.CreatedAccounts), Sql.Value(progress.CreatedContacts),
                        Sql.Value(progress.Skipped), Sql.Value(progress.Failed), Sql.Value(now),
                    },
                },
            },
        };
        if (error is not null)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"""
                INSERT INTO import_errors (tenant_id, import_id, row_key, field, message)
                SELECT $1, $2, $3, $4, $5
                WHERE (SELECT count(*) FROM import_errors WHERE tenant_id = $1 AND import_id = $2) < {MaxErrors}
                """)
            {
                Parameters = { Sql.Text(tenantId), Sql.Value(importId), Sql.Text(error.RowKey), Sql.Text(error.Field), Sql.Text(error.Message) },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<(ImportJob Job, Ownership Starter)?> FindAsync(
        NpgsqlConnection connection, string tenantId, Guid importId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    SELECT created_by, team, total_rows, processed_rows, created_accounts, created_contacts, skipped_rows, failed_rows,
                           created_at, updated_at
                    FROM import_jobs WHERE tenant_id = $1 AND id = $2
                    """)
                {
                    Parameters = { Sql.Text(tenantId), Sql.Value(importId) },
                },
                new NpgsqlBatchCommand(
                    $"SELECT row_key, field, message FROM import_errors WHERE tenant_id = $1 AND import_id = $2 ORDER BY id LIMIT {MaxErrors}")
                {
                    Parameters = { Sql.Text(tenantId), Sql.Value(importId) },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var starter = new Ownership(reader.GetString(0), reader.GetString(1));
        var counts = Enumerable.Range(2, 6).Select(reader.GetInt32).ToArray();
        var createdAt = reader.GetFieldValue<DateTimeOffset>(8);
        var updatedAt = reader.GetFieldValue<DateTimeOffset>(9);
        await reader.NextResultAsync(cancellationToken);
        var errors = new List<ImportRowError>();
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(new ImportRowError(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return (new ImportJob(importId, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], errors, createdAt, updatedAt), starter);
    }
}
