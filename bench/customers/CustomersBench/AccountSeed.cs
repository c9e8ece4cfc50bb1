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
        await using var command = dataSource.CreateCommand($$"""
            INSERT INTO accounts (id, tenant_id, kind, display_name, email, phone, domain, owner_user_id, team, tags, phase,
                version, created_by, created_at, updated_at, name_key, custom_fields)
            SELECT gen_random_uuid(), @tenant, 1, name, lower(replace(name, ' ', '.')) || '@example.com',
                '+1415' || lpad((i % 10000000)::text, 7, '0'), lower(split_part(name, ' ', 1)) || i || '.com',
                'bench-admin', '', '{}', 1, 1, 'bench-admin', now(), now(), lower(name), '{}'
            FROM (SELECT i, (ARRAY['{{words}}'])[1 + i % {{Words.Length}}] || ' '
                         || (ARRAY['{{words}}'])[1 + (i / {{Words.Length}}) % {{Words.Length}}] || ' ' || i AS name
                  FROM generate_series(1, @rows) AS i) AS generated
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("rows", rows);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var analyze = dataSource.CreateCommand("ANALYZE accounts");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
