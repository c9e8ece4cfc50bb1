using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Merges of accounts or contacts into a survivor, each in one transaction: the survivor's chosen fields, every
/// reference moved to it, the merged rows retired, the history entries and <see cref="CustomerMerged"/> in the outbox.
/// The caller needs write access to every record involved. The accounts whose timelines changed get their phase and
/// value tier re-derived in the same transaction.
/// </summary>
public sealed class MergeOperations(
    NpgsqlDataSource dataSource, Outbox outbox, AccountDerivation derivation, TimeProvider time, ILogger<MergeOperations> logger)
{
    public async Task<Account> MergeAccountsAsync(Caller caller, MergeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MergeRows.LockMovingContactsAsync(transaction, caller.TenantId, request.MergedIds, cancellationToken);
        var records = await LockAsync(caller, request, Account.ResourcePrefix,
            id => AccountRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken), a => a.Ownership);
        var survivor = records[request.SurvivorId];
        var merged = request.MergedIds.Select(id => records[id]).ToList();
        Etags.Check(survivor.ResourceName, survivor.Version, request.Etag);
        MergePlan.EnsureSameKind(survivor, merged);
        await EnsureCustomFieldsDefinedAsync(connection, caller, RecordKind.Account, request, cancellationToken);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var planned = MergePlan.Merge(survivor, merged, request) with { Version = survivor.Version + 1, UpdatedAt = now };
        AccessPolicy.EnsureCanUpdate(caller, survivor.Ownership, planned.Ownership, survivor.ResourceName);
        await MergeRows.ReparentAsync(transaction, RecordKind.Account, caller.TenantId, request.MergedIds, survivor.Id, cancellationToken);
        await MergeRows.MoveContactsAsync(transaction, caller.TenantId, request.MergedIds, survivor.Id, caller.UserId, now, cancellationToken);
        var derived = await derivation.DeriveAsync(transaction, planned, now, cancellationToken);
        var after = derived.Account;
        await AccountRows.UpdateAsync(transaction, after, cancellationToken);
        await MergeRows.RetireAsync(transaction, RecordKind.Account, caller.TenantId, request.MergedIds, survivor.Id, after.MergedIds, now,
            cancellationToken);
        var changes = FieldChanges.Between(survivor, after);
        await AuditLog.WriteAsync(transaction, caller.TenantId, after, after.Version, [.. changes, Merged(Account.ResourcePrefix, request)],
            caller.UserId, now, cancellationToken);
        if (changes.Count > 0)
        {
            await outbox.EnqueueAsync(transaction, new CustomerUpdated(
                after.Id, after.TenantId, changes.Select(c => c.Field).ToList(), after.Version, caller.UserId, now), cancellationToken);
        }

        await derivation.RecordPhaseChangeAsync(transaction, survivor, after, derived.PhaseReason, caller.UserId, now, cancellationToken);
        await CommitAsync(transaction, caller, request, "account", now, cancellationToken);
        CustomersLog.Merged(logger, after.ResourceName, request.MergedIds.Count, caller.TenantId);
        return after;
    }

    public async Task<Contact> MergeContactsAsync(Caller caller, MergeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RelationshipRows.LockReportingLinesAsync(transaction, caller.TenantId, cancellationToken);
        var records = await LockAsync(caller, request, Contact.ResourcePrefix,
            id => ContactRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken), c => c.Ownership);
        var survivor = records[request.SurvivorId];
        var merged = request.MergedIds.Select(id => records[id]).ToList();
        Etags.Check(survivor.ResourceName, survivor.Version, request.Etag);
        await EnsureCustomFieldsDefinedAsync(connection, caller, RecordKind.Contact, request, cancellationToken);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var after = MergePlan.Merge(survivor, merged, request) with { Version = survivor.Version + 1, UpdatedAt = now };
        AccessPolicy.EnsureCanUpdate(caller, survivor.Ownership, after.Ownership, survivor.ResourceName);
        if (after.AccountId != survivor.AccountId)
        {
            var account = await AccountRows.FindAsync(connection, transaction, caller.TenantId, after.AccountId, RowLock.Reference, cancellationToken)
                ?? throw new RecordNotFoundException(Account.ResourcePrefix + after.AccountId);
            AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        }

        await MergeRows.ReparentAsync(transaction, RecordKind.Contact, caller.TenantId, request.MergedIds, survivor.Id, cancellationToken);
        MergePlan.EnsureNoReportingCycle(
            survivor, await RelationshipRows.ReportingCycleThroughAsync(transaction, caller.TenantId, survivor.Id, cancellationToken));
        await ContactRows.UpdateAsync(transaction, after, cancellationToken);
        var left = await MergeRows.MoveContactInteractionsAsync(transaction, caller.TenantId, after.Id, after.AccountId, cancellationToken);
        await RefreshAccountsAsync(transaction, caller, [survivor.AccountId, after.AccountId, .. merged.Select(c => c.AccountId), .. left], now,
            cancellationToken);
        await MergeRows.RetireAsync(transaction, RecordKind.Contact, caller.TenantId, request.MergedIds, survivor.Id, after.MergedIds, now,
            cancellationToken);
        var changes = FieldChanges.Between(survivor, after);
        await AuditLog.WriteAsync(transaction, caller.TenantId, after, after.Version, [.. changes, Merged(Contact.ResourcePrefix, request)],
            caller.UserId, now, cancellationToken);
        if (changes.Count > 0)
        {
            await outbox.EnqueueAsync(transaction, new ContactUpdated(
                after.Id, after.AccountId, after.TenantId, changes.Select(c => c.Field).ToList(), after.Version, caller.UserId, now),
                cancellationToken);
        }

        await CommitAsync(transaction, caller, request, "contact", now, cancellationToken);
        CustomersLog.Merged(logger, after.ResourceName, request.MergedIds.Count, caller.TenantId);
        return after;
    }

    /// <summary>
    /// Reads and locks every record (in id order, so concurrent merges cannot deadlock), then checks write access to
    /// each: a record missing in the tenant is NOT_FOUND whatever the caller's rights to the others.
    /// </summary>
    private static async Task<Dictionary<Guid, T>> LockAsync<T>(
        Caller caller, MergeRequest request, string prefix, Func<Guid, Task<T?>> find, Func<T, Ownership> ownershipOf) where T : class
    {
        var records = new Dictionary<Guid, T>();
        foreach (var id in request.AllIds.Order())
        {
            records[id] = await find(id) ?? throw new RecordNotFoundException(prefix + id);
        }

        foreach (var (id, record) in records)
        {
            AccessPolicy.EnsureCanRead(caller, ownershipOf(record), prefix + id);
            AccessPolicy.EnsureCanWrite(caller, ownershipOf(record), prefix + id);
        }

        return records;
    }

    private static async Task EnsureCustomFieldsDefinedAsync(
        NpgsqlConnection connection, Caller caller, RecordKind kind, MergeRequest request, CancellationToken cancellationToken)
    {
        var keys = MergePlan.CustomFieldKeys(request).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var definitions = await CustomFieldValues.DefinitionsAsync(connection, caller.TenantId, kind, cancellationToken);
        if (keys.FirstOrDefault(key => !definitions.ContainsKey(key)) is { } unknown)
        {
            throw new InvalidFieldException($"field_sources.{CustomFieldRules.AuditPrefix}{unknown}",
                "is not a defined custom field; see ListCustomFieldDefinitions.");
        }
    }

    /// <summary>
    /// Re-derives the phase and value tier of the accounts whose timelines a contact merge changed, locked in id order.
    /// </summary>
    private async Task RefreshAccountsAsync(
        NpgsqlTransaction transaction, Caller caller, IEnumerable<Guid> accountIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var id in accountIds.Distinct().Order())
        {
            if (await AccountRows.FindAsync(transaction.Connection!, transaction, caller.TenantId, id, RowLock.Update, cancellationToken) is { } account)
            {
                await derivation.RefreshAsync(transaction, account, caller.UserId, now, cancellationToken);
            }
        }
    }

    /// <summary>The survivor's history entry of the merge: the names merged into it.</summary>
    private static FieldChange Merged(string prefix, MergeRequest request) =>
        new("merged", null, string.Join(",", request.MergedIds.Select(id => prefix + id)));

    private async Task CommitAsync(
        NpgsqlTransaction transaction, Caller caller, MergeRequest request, string recordType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(transaction, new CustomerMerged(
            request.SurvivorId, request.MergedIds, recordType, caller.TenantId, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
