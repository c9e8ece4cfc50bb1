using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>A record as a duplicate listing shows it: its name and who may read it.</summary>
internal sealed record ListedRecord(string DisplayName, Ownership Ownership);

/// <summary>A stored duplicate group, in rank order.</summary>
internal sealed record StoredGroup(int Rank, DuplicateGroup Group);

/// <summary>
/// SQL of the duplicate scan. Candidate pairs come from blocking in the database (the same email or phone through
/// their indexes, similar name keys through the pg_trgm index), so a scan costs about the number of similar pairs,
/// not the square of the records. Similar names alone never make a probable duplicate (see
/// <see cref="DuplicateScorer"/>): they count only with a shared email domain (similar mailboxes) or company domain, so
/// similar names are looked up within those keys (for contacts: their accounts, and accounts with the same domain),
/// each through one GIN index holding the key and the name trigrams.
/// </summary>
internal static class DuplicateScanRows
{
    /// <summary>
    /// The trigram similarity from which two name keys are compared by the scorer (pg_trgm's default 0.3 lets through
    /// far more pairs than ever reach Jaro-Winkler 0.85; "jon smith" and "john smith" are 0.62).
    /// </summary>
    private const string NameSimilarityThreshold = "0.5";

    /// <summary>
    /// For the scan's transaction: the name threshold, and index lookups per record. Left to itself the planner joins a
    /// whole domain block with itself (merge or hash join on the domain) and compares every name pair in it, which
    /// grows with the square of the block (45 s for 20,000 consumers in 50 mail domains); one GIN lookup of the
    /// domain and the name trigrams per record grows linearly.
    /// </summary>
    private const string ScanSettings =
        $"SET LOCAL pg_trgm.similarity_threshold = {NameSimilarityThreshold}; SET LOCAL enable_mergejoin = off; SET LOCAL enable_hashjoin = off";

    private const string EmailDomain = "split_part(lower({0}.email), '@', 2)";
    private const string CompanyDomain = "coalesce({0}.domain, split_part(lower({0}.email), '@', 2))";

    private static readonly string AccountPairs =
        $"""
        WITH pairs AS (
            SELECT a.id AS first, b.id AS second FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND lower(b.email) = lower(a.email) AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.email IS NOT NULL
            UNION
            SELECT a.id, b.id FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND b.phone = a.phone AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.phone IS NOT NULL
            UNION
            SELECT a.id, b.id FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND {Key(EmailDomain, "b")} = {Key(EmailDomain, "a")}
                AND b.name_key % a.name_key AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.name_key <> ''
            UNION
            SELECT a.id, b.id FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND {Key(CompanyDomain, "b")} = {Key(CompanyDomain, "a")}
                AND b.name_key % a.name_key AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.name_key <> '')
        SELECT x.id, x.display_name, x.email, x.phone, x.domain, y.id, y.display_name, y.email, y.phone, y.domain
        FROM pairs JOIN accounts x ON x.id = pairs.first JOIN accounts y ON y.id = pairs.second
        """;

    private static readonly string ContactPairs =
        $"""
        WITH pairs AS (
            SELECT a.id AS first, b.id AS second FROM contacts a
            JOIN contacts b ON b.tenant_id = a.tenant_id AND lower(b.email) = lower(a.email) AND b.id > a.id AND {Live("b")}
            WHERE a.tenant_id = $1 AND {Live("a")} AND a.email IS NOT NULL
            UNION
            SELECT a.id, b.id FROM contacts a
            JOIN contacts b ON b.tenant_id = a.tenant_id AND b.phone = a.phone AND b.id > a.id AND {Live("b")}
            WHERE a.tenant_id = $1 AND {Live("a")} AND a.phone IS NOT NULL
            UNION
            SELECT a.id, b.id FROM contacts a
            JOIN contacts b ON b.tenant_id = a.tenant_id AND {Key(EmailDomain, "b")} = {Key(EmailDomain, "a")}
                AND b.name_key % a.name_key AND b.id > a.id AND {Live("b")}
            WHERE a.tenant_id = $1 AND {Live("a")} AND a.name_key <> ''
            UNION
            SELECT a.id, b.id FROM contacts a
            JOIN accounts aa ON aa.id = a.account_id
            JOIN accounts ba ON ba.tenant_id = aa.tenant_id AND (ba.id = aa.id OR ba.domain = aa.domain) AND ba.deleted_at IS NULL
            JOIN contacts b ON b.tenant_id = a.tenant_id AND b.account_id = ba.id AND b.name_key % a.name_key AND b.id > a.id AND {Live("b")}
            WHERE a.tenant_id = $1 AND {Live("a")} AND a.name_key <> '')
        SELECT x.id, concat_ws(' ', x.given_name, x.family_name), x.email, x.phone, xa.domain,
               y.id, concat_ws(' ', y.given_name, y.family_name), y.email, y.phone, ya.domain
        FROM pairs
        JOIN contacts x ON x.id = pairs.first JOIN accounts xa ON xa.id = x.account_id AND xa.deleted_at IS NULL
        JOIN contacts y ON y.id = pairs.second JOIN accounts ya ON ya.id = y.account_id AND ya.deleted_at IS NULL
        """;

    /// <summary>Every candidate pair of the tenant's live records of one kind, with both profiles (no time limit: a scan of a large tenant takes long).</summary>
    public static async IAsyncEnumerable<(Guid First, PartyProfile FirstProfile, Guid Second, PartyProfile SecondProfile)> CandidatePairsAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand(ScanSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(kind == RecordKind.Account ? AccountPairs : ContactPairs, connection, transaction)
        {
            CommandTimeout = 0,
        };
        command.Parameters.Add(Sql.Text(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetGuid(0), ProfileAt(reader, 1), reader.GetGuid(5), ProfileAt(reader, 6));
        }
    }

    /// <summary>Replaces the tenant's stored groups with a new scan's, ranked by score across both kinds.</summary>
    public static async Task ReplaceAsync(
        NpgsqlTransaction transaction, string tenantId, IReadOnlyList<DuplicateGroup> groups, DateTimeOffset scannedAt,
        CancellationToken cancellationToken)
    {
        var ranked = groups.OrderByDescending(g => g.Score).ThenBy(g => g.Kind).ThenBy(g => g.Members[0].Id).ToList();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended('duplicate_scan:' || $1, 0))") { Parameters = { Sql.Text(tenantId) } },
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

    /// <summary>A blocking key expression (as indexed by 0013_duplicate_scans.sql) of the record <paramref name="alias"/>.</summary>
    private static string Key(string expression, string alias) => string.Format(CultureInfo.InvariantCulture, expression, alias);

    private static string Live(string alias) => $"{alias}.erased_at IS NULL AND {alias}.merged_into IS NULL AND {alias}.deleted_at IS NULL";

    private static PartyProfile ProfileAt(NpgsqlDataReader reader, int first) =>
        PartyProfile.Of(reader.GetString(first), reader.NullableString(first + 1), reader.NullableString(first + 2), reader.NullableString(first + 3));

    private static string MembersJson(IEnumerable<DuplicateGroupMember> members) =>
        JsonSerializer.Serialize(members.Select(m => new StoredMember(m.Id, m.BestMatch.Score, m.BestMatch.MatchedFields)));

    private static List<DuplicateGroupMember> ReadMembers(string json) =>
        JsonSerializer.Deserialize<List<StoredMember>>(json)!
            .Select(m => new DuplicateGroupMember(m.Id, new DuplicateMatch(m.Score, m.MatchedFields))).ToList();

    private sealed record StoredMember(Guid Id, double Score, IReadOnlyList<string> MatchedFields);
}
