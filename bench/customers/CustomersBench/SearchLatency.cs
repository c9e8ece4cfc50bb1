using System.Diagnostics;
using CrmPlatform.Bench;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// ListAccounts with a typo-tolerant query over a tenant holding <c>rows</c> accounts, one query at a time through the
/// gateway: p50 and p99 of the call as an integrator sees it.
/// </summary>
internal static class SearchLatency
{
    private static readonly string[] Queries =
    [
        "acme", "globx", "initech 4711", "umbrela", "hooli-", "vandelay industries", "stark@", "wayne 99", "tyrel", "cyberdyne",
    ];

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
