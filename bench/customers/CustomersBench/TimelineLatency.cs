using System.Diagnostics;
using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;
using Npgsql;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// RecordInteraction on a long timeline: a tenant of 1,000 accounts gets <c>rows</c> interactions, a tenth of them on
/// its first account and the rest spread over the others, interleaved as years of activity leave them in the table.
/// Then one call at a time through the gateway records an outbound call on the big account and on a typical one.
/// Each call derives the account's phase and value tier from all its interactions and checks for repeated contact.
/// </summary>
internal static class TimelineLatency
{
    private const string Tenant = "timeline";
    private const int Accounts = 1_000;

    public static async Task<string> MeasureAsync(
        CustomersPlatform platform, Customers.CustomersClient client, int rows, int calls, CancellationToken cancellationToken)
    {
        await AccountSeed.InsertAsync(platform, Tenant, Accounts, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(platform.Postgres.ConnectionString(CustomersPlatform.Database));
        var (big, typical) = await SeedAsync(dataSource, rows, cancellationToken);
        var headers = new Metadata { { "authorization", $"Bearer {platform.AdminToken(Tenant)}" } };
        var (bigP50, bigP99) = await RecordAsync(client, headers, big, calls, cancellationToken);
        var (typicalP50, typicalP99) = await RecordAsync(client, headers, typical, calls, cancellationToken);
        return FormattableString.Invariant(
                $"customers record interaction rows={rows}: p50={bigP50:F2}ms p99={bigP99:F2}ms on an account with {rows / 10} interactions, ")
            + FormattableString.Invariant(
                $"p50={typicalP50:F2}ms p99={typicalP99:F2}ms on one with {rows * 9 / 10 / (Accounts - 1)} (RecordInteraction via the gateway, one at a time)");
    }

    /// <returns>The big account and a typical one.</returns>
    private static async Task<(Guid Big, Guid Typical)> SeedAsync(NpgsqlDataSource dataSource, int rows, CancellationToken cancellationToken)
    {
        await using (var insert = dataSource.CreateCommand(
            $"""
            WITH owners AS (SELECT array_agg(id ORDER BY id) AS ids FROM accounts WHERE tenant_id = @tenant)
            INSERT INTO interactions (id, tenant_id, account_id, channel, direction, purpose, outcome, subject, notes, occurred_at,
                                      recorded_by, source, version, created_at, updated_at)
            SELECT gen_random_uuid(), @tenant, CASE WHEN g % 10 = 0 THEN ids[1] ELSE ids[2 + g % ({Accounts} - 1)] END,
                   1 + g % 9, 1 + g % 2, 1 + g % 7, CASE WHEN g % 3 = 0 THEN NULL ELSE 1 + g % 7 END,
                   'Interaction ' || g, repeat('Notes of the conversation. ', 8), now() - make_interval(mins => g),
                   'bench-admin', 'api', 1, now(), now()
            FROM owners, generate_series(1, @rows) AS g
            """))
        {
            insert.Parameters.AddWithValue("tenant", Tenant);
            insert.Parameters.AddWithValue("rows", rows);
            insert.CommandTimeout = 0;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE interactions"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var ids = dataSource.CreateCommand("SELECT id FROM accounts WHERE tenant_id = @tenant ORDER BY id LIMIT 2");
        ids.Parameters.AddWithValue("tenant", Tenant);
        await using var reader = await ids.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var big = reader.GetGuid(0);
        await reader.ReadAsync(cancellationToken);
        return (big, reader.GetGuid(0));
    }

    /// <returns>p50 and p99 in milliseconds over <paramref name="calls"/> calls, after ten unmeasured ones.</returns>
    private static async Task<(double P50, double P99)> RecordAsync(
        Customers.CustomersClient client, Metadata headers, Guid account, int calls, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(calls);
        for (var i = -10; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.RecordInteractionAsync(new RecordInteractionRequest
            {
                Interaction = new Interaction
                {
                    Account = $"accounts/{account}",
                    Channel = InteractionChannel.Call,
                    Direction = InteractionDirection.Outbound,
                    Purpose = InteractionPurpose.Sales,
                    Outcome = InteractionOutcome.Reached,
                    Subject = "Quarterly review",
                },
            }, headers, cancellationToken: cancellationToken);
            if (i >= 0)
            {
                latencies.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        latencies.Sort();
        return (LoadResult.Percentile(latencies, 0.50), LoadResult.Percentile(latencies, 0.99));
    }
}
