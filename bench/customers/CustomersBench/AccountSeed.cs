using CrmPlatform.Bench;
using Npgsql;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// Loads accounts straight into the Customers database with one <c>INSERT … SELECT</c> and analyses the table, as
/// <c>pgbench -i</c> does for its own tables: measured calls then meet a table of realistic size with current planner
/// statistics.
/// </summary>
internal static class AccountSeed
{
    private static readonly string[] Words =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne",
        "Soylent", "Wonka", "Gringotts", "Monarch", "Oscorp", "Aperture", "Massive", "Dynamic", "Pacific", "Northern",
    ];

    public static async Task InsertAsync(CustomersPlatform platform, string tenant, int rows, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(platform.Postgres.ConnectionString(CustomersPlatform.Database));
        var words = string.Join("','", Words);
        await using var command = dataSource.CreateCommand(InsertFrom($$"""
            SELECT gen_random_uuid() AS id, 1 AS kind, name, lower(replace(name, ' ', '.')) || '@example.com' AS email,
                '+1415' || lpad((i % 10000000)::text, 7, '0') AS phone, lower(split_part(name, ' ', 1)) || i || '.com' AS domain
            FROM (SELECT i, (ARRAY['{{words}}'])[1 + i % {{Words.Length}}] || ' '
                         || (ARRAY['{{words}}'])[1 + (i / {{Words.Length}}) % {{Words.Length}}] || ' ' || i AS name
                  FROM generate_series(1, @rows) AS i) AS named
            """));
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("rows", rows);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await AnalyzeAsync(dataSource, cancellationToken);
    }

    /// <summary>
    /// An <c>INSERT</c> of accounts of <c>@tenant</c> owned by bench-admin, one per row of <paramref name="source"/> (a
    /// query with the columns id, kind, name, email, phone and domain). The name key is <c>lower(name)</c>, which is
    /// what <c>NameKeys.Of</c> makes of seeded names: ASCII letters and digits, single spaces, no company suffix.
    /// </summary>
    public static string InsertFrom(string source) => $$"""
        INSERT INTO accounts (id, tenant_id, kind, display_name, email, phone, domain, owner_user_id, team, tags, phase,
            version, created_by, created_at, updated_at, name_key, custom_fields)
        SELECT id, @tenant, kind, name, email, phone, domain, 'bench-admin', '', '{}', 1, 1, 'bench-admin', now(), now(),
            lower(name), '{}'
        FROM ({{source}}) AS generated
        """;

    public static async Task AnalyzeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var analyze = dataSource.CreateCommand("ANALYZE accounts");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
