using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

/// <summary>
/// Applies embedded SQL scripts in version order, each in its own transaction together with its row in
/// <c>schema_migrations</c>, keyed by source (the service, or a shared component such as the outbox). A PostgreSQL advisory lock keeps replicas from racing; a script whose text changed
/// after it was applied stops start-up with a message naming it.
/// </summary>
public sealed partial class SqlMigrator(NpgsqlDataSource dataSource, ILogger<SqlMigrator> logger)
{
    private const long AdvisoryLockKey = 0x43_52_4D_5F_4D_49_47; // "CRM_MIG"

    public async Task<int> ApplyAsync(string source, IReadOnlyList<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    source text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (source, version))
                """, cancellationToken);
            var applied = await ReadAppliedAsync(connection, source, cancellationToken);
            var count = 0;
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {source}/{migration.FileName} was changed after it was applied (checksum {checksum} in the database, " +
                            $"{migration.Checksum} now). Applied scripts are immutable: revert the change and add a new script.");
                    }

                    continue;
                }

                await ApplyOneAsync(connection, source, migration, cancellationToken);
                count++;
            }

            return count;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, string source, SqlMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
        }
        catch (PostgresException error)
        {
            throw new InvalidOperationException($"Migration {source}/{migration.FileName} failed: {error.MessageText}", error);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (source, version, name, checksum) VALUES ($1, $2, $3, $4)", connection))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = source });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, source, migration.FileName);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(
        NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations WHERE source = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Source} migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string source, string migration);
}
