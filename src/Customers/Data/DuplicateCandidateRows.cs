using System.Globalization;
using System.Runtime.CompilerServices;
using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>A live record as the duplicate scan scores it.</summary>
internal sealed record ScannedRecord(Guid Id, PartyProfile Profile);

/// <summary>Live records that share a blocking key, with the trigrams of their name keys (pg_trgm's <c>show_trgm</c>).</summary>
internal sealed record NameBlock(IReadOnlyList<ScannedRecord> Records, IReadOnlyList<string[]> NameTrigrams);

/// <summary>
/// The candidates of the duplicate check at create time (<see cref="CreateCandidateIds"/>) and of the duplicate scan.
/// In the scan, records with the same email or phone come in pairs, joined through their indexes, but for details that
/// many share (<see cref="SharedDetails"/>). Similar names alone never make a probable duplicate (see
/// <see cref="DuplicateScorer"/>): they count only with a shared email domain (similar mailboxes) or company domain, so
/// the records also come in blocks, one per email domain and one per company domain (for contacts: the domain of their
/// accounts), for <see cref="TrigramJoin"/> to pair the similar names within each block. Each kind of block is one read
/// of the tenant's records sorted by the key, and memory holds one block. The join grows with how often the trigrams of
/// a block recur, about the square of the block, in memory (CustomersBench: 6 s for 100,000 consumers, 20,000 of them at
/// gmail.com); the trigram index lookup per record it replaces read the postings of common trigrams in the whole table
/// each time (4½ minutes).
/// </summary>
internal static class DuplicateCandidateRows
{
    private const int SimilarNames = 50;
    private const string EmailDomain = "split_part(lower({0}.email), '@', 2)";
    private const string CompanyDomain = "coalesce({0}.domain, split_part(lower({0}.email), '@', 2))";

    private static readonly string AccountPairs =
        """
        WITH pairs AS (
            SELECT a.id AS first, b.id AS second FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND lower(b.email) = lower(a.email) AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.email IS NOT NULL AND lower(a.email) <> ALL($2)
            UNION
            SELECT a.id, b.id FROM accounts a
            JOIN accounts b ON b.tenant_id = a.tenant_id AND b.phone = a.phone AND b.id > a.id AND b.deleted_at IS NULL
            WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.phone IS NOT NULL AND a.phone <> ALL($3))
        SELECT x.id, x.display_name, x.email, x.phone, x.domain, y.id, y.display_name, y.email, y.phone, y.domain
        FROM pairs JOIN accounts x ON x.id = pairs.first JOIN accounts y ON y.id = pairs.second
        """;

    private static readonly string ContactPairs =
        $"""
        WITH pairs AS (
            SELECT a.id AS first, b.id AS second FROM contacts a
            JOIN contacts b ON b.tenant_id = a.tenant_id AND lower(b.email) = lower(a.email) AND b.id > a.id AND {DuplicateScanRows.Live("b")}
            WHERE a.tenant_id = $1 AND {DuplicateScanRows.Live("a")} AND a.email IS NOT NULL AND lower(a.email) <> ALL($2)
            UNION
            SELECT a.id, b.id FROM contacts a
            JOIN contacts b ON b.tenant_id = a.tenant_id AND b.phone = a.phone AND b.id > a.id AND {DuplicateScanRows.Live("b")}
            WHERE a.tenant_id = $1 AND {DuplicateScanRows.Live("a")} AND a.phone IS NOT NULL AND a.phone <> ALL($3))
        SELECT x.id, concat_ws(' ', x.given_name, x.family_name), x.email, x.phone, xa.domain,
               y.id, concat_ws(' ', y.given_name, y.family_name), y.email, y.phone, ya.domain
        FROM pairs
        JOIN contacts x ON x.id = pairs.first JOIN accounts xa ON xa.id = x.account_id AND xa.deleted_at IS NULL
        JOIN contacts y ON y.id = pairs.second JOIN accounts ya ON ya.id = y.account_id AND ya.deleted_at IS NULL
        """;

    /// <summary>
    /// Accounts by email domain, then by company domain where a record's company domain is not its mail's (a company
    /// block whose records all have mail at its domain was an email-domain block already).
    /// </summary>
    private static readonly string[] AccountBlocks =
    [
        AccountsBy(Key(EmailDomain, "a"), ""),
        AccountsBy(Key(CompanyDomain, "a"),
            $"""
            AND {Key(CompanyDomain, "a")} IN (SELECT {Key(CompanyDomain, "o")} FROM accounts o
                WHERE o.tenant_id = $1 AND o.deleted_at IS NULL AND {Key(CompanyDomain, "o")} IS DISTINCT FROM {Key(EmailDomain, "o")})
            """),
    ];

    /// <summary>
    /// Contacts by email domain, then by the domain of their accounts. Not by account where it has no domain: colleagues
    /// there share no company domain, and similar names alone are never probable, so such a block could only ever cost
    /// time (an account of 1,205 contacts named alike but for a number took 20 s).
    /// </summary>
    private static readonly string[] ContactBlocks = [ContactsBy(Key(EmailDomain, "c")), ContactsBy("a.domain")];

    /// <summary>
    /// The ids of the tenant's live records of <paramref name="kind"/> worth scoring against a new record's profile
    /// ($1 tenant, $2 email, $3 phone, $4 name key): those sharing its email and those sharing its phone, each up to one
    /// more than <see cref="SharedDetails.MaxHolders"/> (enough to tell a shared detail), and the
    /// <see cref="SimilarNames"/> with the most similar names. So the record with the same email is never crowded out by
    /// fifty namesakes, or by the holders of a placeholder phone.
    /// </summary>
    public static string CreateCandidateIds(RecordKind kind)
    {
        var (from, r, live) = Source(kind);
        return $"""
            (SELECT {r}.id FROM {from} WHERE {r}.tenant_id = $1 AND {live} AND lower({r}.email) = lower($2)
             LIMIT {SharedDetails.MaxHolders + 1})
            UNION
            (SELECT {r}.id FROM {from} WHERE {r}.tenant_id = $1 AND {live} AND {r}.phone = $3
             LIMIT {SharedDetails.MaxHolders + 1})
            UNION
            (SELECT {r}.id FROM {from} WHERE {r}.tenant_id = $1 AND {live} AND {r}.name_key % $4
             ORDER BY similarity({r}.name_key, $4) DESC, {r}.id LIMIT {SimilarNames})
            """;
    }

    /// <summary>
    /// The emails (lower case) and phones that more than <see cref="SharedDetails.MaxHolders"/> of the tenant's
    /// live records of one kind share.
    /// </summary>
    public static async Task<SharedDetails> SharedDetailsAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, CancellationToken cancellationToken)
    {
        var (from, r, live) = Source(kind);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT 'email', lower({r}.email) FROM {from} WHERE {r}.tenant_id = $1 AND {live} AND {r}.email IS NOT NULL
            GROUP BY 2 HAVING count(*) > {SharedDetails.MaxHolders}
            UNION ALL
            SELECT 'phone', {r}.phone FROM {from} WHERE {r}.tenant_id = $1 AND {live} AND {r}.phone IS NOT NULL
            GROUP BY 2 HAVING count(*) > {SharedDetails.MaxHolders}
            """,
            connection) { CommandTimeout = 0 };
        command.Parameters.Add(Sql.Text(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (emails, phones) = (new HashSet<string>(), new HashSet<string>());
        while (await reader.ReadAsync(cancellationToken))
        {
            (reader.GetString(0) == "email" ? emails : phones).Add(reader.GetString(1));
        }

        return new SharedDetails(emails, phones);
    }

    /// <summary>
    /// The tenant's live records of one kind that share an email or a phone, in pairs, but for the emails (lower case)
    /// and phones in <paramref name="shared"/> (no time limit: a scan of a large tenant takes long).
    /// </summary>
    public static async IAsyncEnumerable<(ScannedRecord First, ScannedRecord Second)> SameEmailOrPhoneAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, SharedDetails shared,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(kind == RecordKind.Account ? AccountPairs : ContactPairs, connection) { CommandTimeout = 0 };
        command.Parameters.Add(Sql.Text(tenantId));
        command.Parameters.Add(Sql.Value(shared.Emails.ToArray()));
        command.Parameters.Add(Sql.Value(shared.Phones.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (new ScannedRecord(reader.GetGuid(0), ProfileAt(reader, 1)), new ScannedRecord(reader.GetGuid(5), ProfileAt(reader, 6)));
        }
    }

    /// <summary>The blocks of two or more of the tenant's live, named records of one kind: by email domain, then by company.</summary>
    public static async IAsyncEnumerable<NameBlock> NameBlocksAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var query in kind == RecordKind.Account ? AccountBlocks : ContactBlocks)
        {
            await using var command = new NpgsqlCommand(query, connection) { CommandTimeout = 0 };
            command.Parameters.Add(Sql.Text(tenantId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<ScannedRecord>();
            var trigrams = new List<string[]>();
            string? key = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var recordKey = reader.GetString(0);
                if (recordKey != key)
                {
                    if (records.Count > 1)
                    {
                        yield return new NameBlock(records, trigrams);
                    }

                    (records, trigrams, key) = ([], [], recordKey);
                }

                records.Add(new ScannedRecord(reader.GetGuid(1), ProfileAt(reader, 2)));
                trigrams.Add(reader.GetFieldValue<string[]>(6));
            }

            if (records.Count > 1)
            {
                yield return new NameBlock(records, trigrams);
            }
        }
    }

    private static string AccountsBy(string key, string condition) =>
        $"""
        SELECT {key}, a.id, a.display_name, a.email, a.phone, a.domain, show_trgm(a.name_key) FROM accounts a
        WHERE a.tenant_id = $1 AND a.deleted_at IS NULL AND a.name_key <> '' AND {key} IS NOT NULL {condition} ORDER BY 1
        """;

    private static string ContactsBy(string key) =>
        $"""
        SELECT {key}, c.id, concat_ws(' ', c.given_name, c.family_name), c.email, c.phone, a.domain, show_trgm(c.name_key)
        FROM contacts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
        WHERE c.tenant_id = $1 AND {DuplicateScanRows.Live("c")} AND c.name_key <> '' AND {key} IS NOT NULL ORDER BY 1
        """;

    /// <summary>The live records of a kind: the table (contacts with their live accounts), its alias, the condition.</summary>
    private static (string From, string Alias, string Live) Source(RecordKind kind) =>
        kind == RecordKind.Account
            ? ("accounts a", "a", "a.deleted_at IS NULL")
            : ("contacts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL", "c", DuplicateScanRows.Live("c"));

    /// <summary>A blocking key expression of the record <paramref name="alias"/>.</summary>
    private static string Key(string expression, string alias) => string.Format(CultureInfo.InvariantCulture, expression, alias);

    private static PartyProfile ProfileAt(NpgsqlDataReader reader, int first) =>
        PartyProfile.Of(reader.GetString(first), reader.NullableString(first + 1), reader.NullableString(first + 2), reader.NullableString(first + 3));
}
