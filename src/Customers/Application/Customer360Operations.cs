using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Everything known about an account, read from one snapshot.</summary>
public sealed record Customer360(
    Account Account,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<Interaction> Timeline,
    IReadOnlyList<Interaction> OpenFollowUps,
    IReadOnlyDictionary<Guid, IReadOnlyList<ConsentRecord>> Consents,
    IReadOnlyList<PhaseChange> PhaseHistory,
    int InteractionCount,
    DateTimeOffset? LastInteractionAt);

/// <summary>The 360° view and the phase history of an account.</summary>
public sealed class Customer360Operations(NpgsqlDataSource dataSource)
{
    public const int DefaultTimelineSize = 50;
    public const int MaxTimelineSize = 200;
    public const int MaxFollowUps = 200;
    public const int MaxPhaseChanges = 100;

    /// <param name="kind">An account, or a contact (whose account's view is returned).</param>
    public async Task<Customer360> GetAsync(Caller caller, RecordKind kind, Guid id, int timelineSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginSnapshotAsync(cancellationToken);
        var accountId = kind == RecordKind.Account
            ? id
            : (await ContactRows.FindAsync(connection, snapshot, caller.TenantId, id, RowLock.None, cancellationToken)
                ?? throw new RecordNotFoundException(Contact.ResourcePrefix + id)).AccountId;
        var account = await AccountRows.FindAsync(connection, snapshot, caller.TenantId, accountId, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + accountId);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);

        var contacts = await ContactRows.ListAsync(connection, new ContactQuery(caller.TenantId, AccessPolicy.ReadScopeOf(caller), accountId, null, null, null, null,
            new Dictionary<string, CustomFieldValue>(), RecordOrder.ById, null, Paging.MaxPageSize), cancellationToken);
        var relationships = new Dictionary<Guid, Relationship>();
        var consents = new Dictionary<Guid, IReadOnlyList<ConsentRecord>>();
        foreach (var recordId in contacts.Select(c => c.Id).Prepend(accountId))
        {
            foreach (var relationship in await RelationshipRows.ListAsync(connection, caller.TenantId, recordId, cancellationToken))
            {
                relationships.TryAdd(relationship.Id, relationship);
            }
        }

        foreach (var contact in contacts)
        {
            consents[contact.Id] = ConsentRules.Current(await ConsentRows.LedgerAsync(connection, caller.TenantId, contact.Id, cancellationToken));
        }

        var timeline = await InteractionRows.ListAsync(connection, snapshot,
            new InteractionQuery(caller.TenantId, RecordKind.Account, accountId, null, null, false, null, timelineSize), cancellationToken);
        var followUps = await InteractionRows.OpenFollowUpsAsync(connection, snapshot,
            new FollowUpQuery(caller.TenantId, null, accountId, null, null, null, MaxFollowUps), cancellationToken);
        var phases = await PhaseChangeRows.ListAsync(connection, snapshot, caller.TenantId, accountId, null, MaxPhaseChanges, cancellationToken);
        var (count, latest) = await InteractionRows.CountAsync(snapshot, caller.TenantId, accountId, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return new Customer360(account, contacts, relationships.Values.OrderBy(r => r.Id).ToList(), timeline, followUps, consents,
            phases, count, latest);
    }

    /// <summary>The account's phase changes, newest first.</summary>
    public async Task<Page<PhaseChange>> ListPhaseChangesAsync(
        Caller caller, Guid accountId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.PageSize(pageSize);
        var fingerprint = "phase-changes|" + accountId;
        var before = Paging.AfterSequence(pageToken, fingerprint);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await AccountRows.FindAsync(connection, null, caller.TenantId, accountId, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + accountId);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        var rows = await PhaseChangeRows.ListAsync(connection, null, caller.TenantId, accountId, before, size + 1, cancellationToken);
        return rows.Count > size
            ? new Page<PhaseChange>(rows[..size], Paging.Token(rows[size - 1].Sequence, fingerprint))
            : new Page<PhaseChange>(rows, null);
    }
}
