using System.Data;
using System.Text.Json;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>A record as a duplicate listing shows it: its name and who may read it.</summary>
internal sealed record ListedRecord(string DisplayName, Ownership Ownership);

/// <summary>A stored duplicate group, in rank order.</summary>
internal sealed record StoredGroup(int Rank, DuplicateGroup Group);

/// <summary>SQL of the duplicate scan's results: the groups stored per tenant, and the tenants due for a scan.</summary>
internal static class DuplicateScanRows
{
    /// <summary>
    /// Holds the tenant's scan lock on <paramref name="connection"/>'s session until the result is disposed: a scan that
    /// holds it reads its snapshot after every earlier scan of the tenant has stored its groups, so the groups stored last
    /// are always those of the latest snapshot.
    /// </summary>
    public static async Task<IAsyncDisposable> LockScansAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        await ExecuteScanLockAsync(connection, "pg_advisory_lock", tenantId, cancellationToken);
        return new ScanLock(connection, tenantId);
    }

    /// <summary>
    /// Replaces the tenant's stored groups with a new scan's, ranked by score across both kinds; the caller holds the
    /// tenant's scan lock (<see cref="LockScansAsync"/>).
    /// </summary>
    public static async Task ReplaceAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<DuplicateGroup> groups, DateTimeOffset scannedAt,
        CancellationToken cancellationToken)
    {
        var ranked = groups.OrderByDescending(g => g.Score).ThenBy(g => g.Kind).ThenBy(g => g.Members[0].Id).ToList();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM duplicate_groups WHERE tenant_id = $1") { Parameters = { Sql.Text(tenantId) } },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO duplicate_groups (tenant_id, record_kind, rank, score, members)
                    SELECT $1, k, r, s, m::jsonb FROM unnest($2::smallint[], $3::integer[], $4::double precision[], $5::text[]) AS t (k, r, s, m)
                    """)
                {
                    Parameters =
                    {
                        Sql.Text(tenantId),
                        Sql.Value(ranked.Select(g => (short)g.Kind).ToArray()),
                        Sql.Value(Enumerable.Range(1, ranked.Count).ToArray()),
                        Sql.Value(ranked.Select(g => g.Score).ToArray()),
                        new NpgsqlParameter { Value = ranked.Select(g => MembersJson(g.Members)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                    },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO duplicate_scans (tenant_id, scanned_at) VALUES ($1, $2)
                    ON CONFLICT (tenant_id) DO UPDATE SET scanned_at = excluded.scanned_at
                    """)
                {
                    Parameters = { Sql.Text(tenantId), Sql.Value(scannedAt) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<DateTimeOffset?> ScanTimeAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT scanned_at FROM duplicate_scans WHERE tenant_id = $1", connection);
        command.Parameters.Add(Sql.Text(tenantId));
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime time ? new DateTimeOffset(time, TimeSpan.Zero) : null;
    }

    /// <summary>Up to <paramref name="limit"/> stored groups after rank <paramref name="afterRank"/>, of one kind or both.</summary>
    public static async Task<List<StoredGroup>> ListAsync(
        NpgsqlConnection connection, string tenantId, RecordKind? kind, long afterRank, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT rank, record_kind, score, members::text FROM duplicate_groups
            WHERE tenant_id = $1 AND ($2::smallint IS NULL OR record_kind = $2) AND rank > $3 ORDER BY rank LIMIT $4
            """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.SmallInt((short?)kind));
        command.Parameters.Add(Sql.Value((int)Math.Min(afterRank, int.MaxValue)));
        command.Parameters.Add(Sql.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new List<StoredGroup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new StoredGroup(reader.GetInt32(0),
                new DuplicateGroup((RecordKind)reader.GetInt16(1), reader.GetDouble(2), ReadMembers(reader.GetString(3)))));
        }

        return groups;
    }

    /// <summary>The live records among <paramref name="ids"/>, with their display names and ownership.</summary>
    public static async Task<Dictionary<Guid, ListedRecord>> LiveRecordsAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(kind == RecordKind.Account
            ? "SELECT id, display_name, owner_user_id, team FROM accounts WHERE tenant_id = $1 AND id = ANY($2) AND deleted_at IS NULL"
            : $"""
              SELECT c.id, concat_ws(' ', c.given_name, c.family_name), c.owner_user_id, c.team
              FROM contacts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
              WHERE c.tenant_id = $1 AND c.id = ANY($2) AND {Live("c")}
              """,
            connection);
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(ids.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new Dictionary<Guid, ListedRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records[reader.GetGuid(0)] = new ListedRecord(reader.GetString(1), new Ownership(reader.GetString(2), reader.GetString(3)));
        }

        return records;
    }

    /// <summary>Tenants whose accounts or contacts changed since their last scan (or that were never scanned).</summary>
    public static async Task<List<string>> TenantsDueAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT changed.tenant_id FROM (
                SELECT tenant_id, max(updated_at) AS last_change FROM accounts GROUP BY tenant_id
                UNION ALL
                SELECT tenant_id, max(updated_at) FROM contacts GROUP BY tenant_id) AS changed
            LEFT JOIN duplicate_scans s ON s.tenant_id = changed.tenant_id
            GROUP BY changed.tenant_id, s.scanned_at
            HAVING s.scanned_at IS NULL OR max(changed.last_change) > s.scanned_at
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(reader.GetString(0));
        }

        return tenants;
    }

    private static async Task ExecuteScanLockAsync(
        NpgsqlConnection connection, string function, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(hashtextextended('duplicate_scan:' || $1, 0))", connection);
        command.Parameters.Add(Sql.Text(tenantId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Releases the scan lock; a connection that broke meanwhile took its session, and the lock, with it.</summary>
    private sealed class ScanLock(NpgsqlConnection connection, string tenantId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteScanLockAsync(connection, "pg_advisory_unlock", tenantId, CancellationToken.None);
            }
        }
    }

    /// <summary>Whether the contact <paramref name="alias"/> is live: not erased, merged or deleted.</summary>
    public static string Live(string alias) => $"{alias}.erased_at IS NULL AND {alias}.merged_into IS NULL AND {alias}.deleted_at IS NULL";

    private static string MembersJson(IEnumerable<DuplicateGroupMember> members) =>
        JsonSerializer.Serialize(members.Select(m => new StoredMember(m.Id, m.BestMatch.Score, m.BestMatch.MatchedFields)));

    private static List<DuplicateGroupMember> ReadMembers(string json) =>
        JsonSerializer.Deserialize<List<StoredMember>>(json)!
            .Select(m => new DuplicateGroupMember(m.Id, new DuplicateMatch(m.Score, m.MatchedFields))).ToList();

    private sealed record StoredMember(Guid Id, double Score, IReadOnlyList<string> MatchedFields);
}
