using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>A duplicate group as a caller sees it: members still live, names withheld where the caller may not read.</summary>
public sealed record ListedDuplicateGroup(RecordKind Kind, double Score, IReadOnlyList<DuplicateCandidate> Members);

public sealed record DuplicateGroupsPage(IReadOnlyList<ListedDuplicateGroup> Groups, DateTimeOffset? ScanTime, string? NextPageToken);

/// <summary>
/// The duplicate scan of a tenant's accounts and contacts: candidate pairs (the same email or phone, or similar names
/// within a block, see <see cref="DuplicateCandidateRows"/>) scored with <see cref="DuplicateScorer"/>, probable pairs
/// joined into groups, the result stored per tenant until the next scan.
/// </summary>
public sealed class DuplicateScanOperations(NpgsqlDataSource dataSource, TimeProvider time, ILogger<DuplicateScanOperations> logger)
{
    private static readonly string[] ScanNowRoles = [Roles.Admin, Roles.SalesManager];

    public async Task ScanAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var scanLock = await DuplicateScanRows.LockScansAsync(connection, tenantId, cancellationToken);
        var scannedAt = Sql.ToMicroseconds(time.GetUtcNow());
        List<DuplicateGroup> accounts, contacts;

        // One snapshot for every read of the scan: a record changed meanwhile is seen wholly before or wholly after.
        await using (var snapshot = await connection.BeginSnapshotAsync(cancellationToken))
        {
            accounts = await GroupsAsync(connection, tenantId, RecordKind.Account, cancellationToken);
            contacts = await GroupsAsync(connection, tenantId, RecordKind.Contact, cancellationToken);
            await snapshot.CommitAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DuplicateScanRows.ReplaceAsync(transaction, tenantId, [.. accounts, .. contacts], scannedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Scanned(logger, tenantId, accounts.Count, contacts.Count);
    }

    /// <summary>Scans every tenant whose records changed since its last scan.</summary>
    public async Task ScanChangedTenantsAsync(CancellationToken cancellationToken)
    {
        List<string> tenants;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            tenants = await DuplicateScanRows.TenantsDueAsync(connection, cancellationToken);
        }

        foreach (var tenant in tenants)
        {
            await ScanAsync(tenant, cancellationToken);
        }
    }

    /// <summary>
    /// A page of the last scan's groups, highest score first; <paramref name="scanNow"/> (admin, sales_manager) scans
    /// first. Records merged, deleted or erased since the scan drop out, and so do groups left with one member.
    /// </summary>
    public async Task<DuplicateGroupsPage> ListAsync(
        Caller caller, RecordKind? kind, bool scanNow, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        if (scanNow)
        {
            if (!ScanNowRoles.Any(caller.IsInRole))
            {
                throw new AccessDeniedException("run_scan_now needs the role admin or sales_manager.");
            }

            await ScanAsync(caller.TenantId, cancellationToken);
        }

        var size = Paging.PageSize(pageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // The scan time and the groups from one snapshot: a scan committing between the reads would otherwise list its
        // groups under the previous scan's time (none, the first time) and bind the page token to that scan.
        await using var snapshot = await connection.BeginSnapshotAsync(cancellationToken);
        var scanTime = await DuplicateScanRows.ScanTimeAsync(connection, caller.TenantId, cancellationToken);
        var fingerprint = $"duplicate_groups|{kind}|{scanTime?.UtcTicks}";
        var after = Paging.AfterSequence(pageToken, fingerprint) ?? 0;
        var stored = await DuplicateScanRows.ListAsync(connection, caller.TenantId, kind, after, size + 1, cancellationToken);
        var page = stored.Take(size).Select(g => g.Group).ToList();
        var live = new Dictionary<RecordKind, Dictionary<Guid, ListedRecord>>();
        foreach (var recordKind in page.Select(g => g.Kind).Distinct())
        {
            var ids = page.Where(g => g.Kind == recordKind).SelectMany(g => g.Members.Select(m => m.Id)).ToList();
            live[recordKind] = await DuplicateScanRows.LiveRecordsAsync(connection, caller.TenantId, recordKind, ids, cancellationToken);
        }

        await snapshot.CommitAsync(cancellationToken);
        var groups = page.Select(g => Listed(caller, g, live[g.Kind])).OfType<ListedDuplicateGroup>().ToList();
        return new DuplicateGroupsPage(groups, scanTime, stored.Count > size ? Paging.Token(stored[size - 1].Rank, fingerprint) : null);
    }

    private static async Task<List<DuplicateGroup>> GroupsAsync(
        NpgsqlConnection connection, string tenantId, RecordKind kind, CancellationToken cancellationToken)
    {
        var pairs = new List<DuplicatePair>();
        var shared = await DuplicateCandidateRows.SharedDetailsAsync(connection, tenantId, kind, cancellationToken);
        await foreach (var (first, second) in DuplicateCandidateRows.SameEmailOrPhoneAsync(connection, tenantId, kind, shared, cancellationToken))
        {
            AddIfProbable(pairs, shared, first, second);
        }

        await foreach (var block in DuplicateCandidateRows.NameBlocksAsync(connection, tenantId, kind, cancellationToken))
        {
            foreach (var (first, second) in TrigramJoin.SimilarPairs(block.NameTrigrams))
            {
                AddIfProbable(pairs, shared, block.Records[first], block.Records[second]);
            }
        }

        return DuplicateGrouping.Group(kind, pairs).ToList();
    }

    /// <summary>
    /// Scores a candidate pair, the record with the lower id first, without the <paramref name="shared"/> details (see
    /// <see cref="SharedDetails"/>), and keeps it when probable.
    /// </summary>
    private static void AddIfProbable(
        List<DuplicatePair> pairs, SharedDetails shared, ScannedRecord a, ScannedRecord b)
    {
        var (first, second) = a.Id.CompareTo(b.Id) < 0 ? (a, b) : (b, a);
        var match = DuplicateScorer.Score(shared.Without(first.Profile), second.Profile);
        if (match.IsProbable)
        {
            pairs.Add(new DuplicatePair(first.Id, second.Id, match));
        }
    }

    private static ListedDuplicateGroup? Listed(Caller caller, DuplicateGroup group, Dictionary<Guid, ListedRecord> live)
    {
        var prefix = group.Kind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix;
        var members = group.Members
            .Where(m => live.ContainsKey(m.Id))
            .Select(m => new DuplicateCandidate(
                prefix + m.Id, AccessPolicy.CanRead(caller, live[m.Id].Ownership) ? live[m.Id].DisplayName : null, m.BestMatch))
            .ToList();
        return members.Count < 2 ? null : new ListedDuplicateGroup(group.Kind, group.Score, members);
    }
}
