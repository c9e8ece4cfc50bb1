using System.Diagnostics;
using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Grpc;

namespace CrmPlatform.CustomersBench;

/// <summary>
/// The duplicate scan of a tenant, run as an admin runs it (ListDuplicateGroups with run_scan_now, through the gateway),
/// then every stored group listed page by page to check that the planted duplicates were found. The background service
/// runs the same scan every <c>Customers__DuplicateScanInterval</c>; a short interval would also scan the benchmark's
/// other tenants while the throughput runs.
/// </summary>
internal static class DuplicateScanRun
{
    /// <summary>The largest page ListDuplicateGroups returns.</summary>
    private const int MaxPageSize = 1000;

    /// <returns>The seconds of the scan call and the number of groups the scan found.</returns>
    /// <exception cref="InvalidOperationException">The groups miss a planted pair.</exception>
    public static async Task<(double Seconds, int Groups)> MeasureAsync(
        Customers.CustomersClient client, Metadata headers, IReadOnlyList<PlantedDuplicate> planted, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await client.ListDuplicateGroupsAsync(new ListDuplicateGroupsRequest { RunScanNow = true, PageSize = 1 }, headers, cancellationToken: cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = 0;
        var request = new ListDuplicateGroupsRequest { PageSize = MaxPageSize };
        do
        {
            var page = await client.ListDuplicateGroupsAsync(request, headers, cancellationToken: cancellationToken);
            foreach (var group in page.Groups)
            {
                groups++;
                foreach (var member in group.Members)
                {
                    groupOf[member.Name] = groups;
                }
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        var missed = planted.Where(p => !SameGroup(groupOf, p)).ToList();
        return missed.Count == 0
            ? (seconds, groups)
            : throw new InvalidOperationException(
                $"The scan missed {missed.Count} of {planted.Count} planted duplicates, e.g. accounts/{missed[0].Original} and accounts/{missed[0].Duplicate}.");
    }

    private static bool SameGroup(Dictionary<string, int> groupOf, PlantedDuplicate pair) =>
        groupOf.TryGetValue($"accounts/{pair.Original}", out var first) && groupOf.TryGetValue($"accounts/{pair.Duplicate}", out var second) && first == second;
}
