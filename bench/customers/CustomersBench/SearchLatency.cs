using System.Diagnostics;
using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;
using Npgsql;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// ListAccounts with a typo-tolerant query over a tenant holding <c>rows</c> accounts, one query at a time through the
/// gateway: p50 and p99 of the call as an integrator sees it.
/// </summary>
internal static class SearchLatency
{
    private static readonly string[] Words =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne",
        "Soylent", "Wonka", "Gringotts", "Monarch", "Oscorp", "Aperture", "Massive", "Dynamic", "Pacific", "Northern",
    ];

    private static readonly string[] Queries =
    [
        "acme", "globx", "initech 4711", "umbrela", "hooli-", "vandelay industries", "stark@", "wayne 99", "tyrel", "cyberdyne",
    ];

    public static async Task SeedAsync(CustomersPlatform platform, string tenant, int rows, CancellationToken cancellationToken)
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

    /// <returns>p50 and p99 in milliseconds over <paramref name="calls"/> searches, after one unmeasured pass.</returns>
    public static async Task<(double P50, double P99)> MeasureAsync(Customers.CustomersClient client, Metadata headers, int calls, CancellationToken cancellationToken)
    {
        foreach (var query in Queries)
        {
            await SearchAsync(client, headers, query, cancellationToken);
        }

        var latencies = new List<long>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SearchAsync(client, headers, Queries[i % Queries.Length], cancellationToken);
            latencies.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        latencies.Sort();
        return (LoadResult.Percentile(latencies, 0.50), LoadResult.Percentile(latencies, 0.99));
    }

    private static async Task SearchAsync(Customers.CustomersClient client, Metadata headers, string query, CancellationToken cancellationToken) =>
        await client.ListAccountsAsync(new ListAccountsRequest { Query = query, PageSize = 50 }, headers, cancellationToken: cancellationToken);
}
