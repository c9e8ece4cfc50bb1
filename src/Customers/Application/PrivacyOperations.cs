using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Privacy requests about a contact (PIPEDA/GDPR): access to everything held about them, and erasure.</summary>
public sealed class PrivacyOperations(NpgsqlDataSource dataSource, PostgresReads reads, Outbox outbox, TimeProvider time)
{
    private const int MaxHistoryEntries = 100_000;

    public async Task<PersonalDataExport> ExportAsync(Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        contactId = await SurvivorIdAsync(caller.TenantId, contactId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginSnapshotAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(
                connection, snapshot, caller.TenantId, contactId, RowLock.None, cancellationToken, withDeleted: true)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        var account = await AccountRows.FindAsync(
                connection, snapshot, caller.TenantId, contact.AccountId, RowLock.None, cancellationToken, withDeleted: true)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + contact.AccountId);
        var relationships = await RelationshipRows.ListAsync(connection, caller.TenantId, contactId, cancellationToken);
        var consents = await ConsentRows.LedgerAsync(connection, caller.TenantId, contactId, cancellationToken);
        var history = await AuditLog.ReadAsync(connection, caller.TenantId, contact.ResourceName, null, MaxHistoryEntries, cancellationToken);
        var interactions = await InteractionRows.ListAsync(connection, snapshot,
            new InteractionQuery(caller.TenantId, RecordKind.Contact, contactId, null, null, false, null, MaxHistoryEntries), cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return new PersonalDataExport(contact, account, relationships, consents, history, interactions);
    }

    /// <summary>Erases the contact's personal data and keeps hashed tombstones, in one transaction with PersonalDataErased.</summary>
    public async Task EraseAsync(Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Erasing personal data needs the role admin.");
        }

        contactId = await SurvivorIdAsync(caller.TenantId, contactId, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(
                connection, transaction, caller.TenantId, contactId, RowLock.Update, cancellationToken, withDeleted: true)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var personalAccounts = await PersonalAccountsAsync(transaction, caller.TenantId, contact, cancellationToken);
        var identifiers = PersonIdentifiers.Of(contact, await ErasureRows.HistoryIdentifiersAsync(transaction, contact, cancellationToken));
        await ErasureRows.AddTombstonesAsync(
            transaction, caller.TenantId, identifiers.TombstoneHashes(caller.TenantId, contact), now, cancellationToken);
        await ContactRows.EraseAsync(transaction, contact, now, cancellationToken);
        await ErasureRows.ScrubAsync(transaction, contact, identifiers, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, contact, contact.Version + 1,
            [new FieldChange("personal_data", null, "erased")], caller.UserId, now, cancellationToken);
        foreach (var account in personalAccounts)
        {
            await EraseAccountAsync(transaction, caller, account, now, cancellationToken);
        }

        await outbox.EnqueueAsync(transaction,
            new PersonalDataErased(contactId, contact.AccountId, caller.TenantId, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A merged contact's name stands for its survivor, as in <c>GetContact</c>: the same person.</summary>
    private async Task<Guid> SurvivorIdAsync(string tenantId, Guid contactId, CancellationToken cancellationToken) =>
        (await ContactRows.FindSurvivorAsync(reads, tenantId, contactId, cancellationToken))?.Id ?? contactId;

    /// <summary>
    /// The accounts that are the person (see <see cref="PersonalAccounts"/>): the contact's own account, the
    /// households it is a member of and the accounts of the duplicates merged into it, locked for the erasure in id
    /// order, as every call that locks several accounts does.
    /// </summary>
    private static async Task<List<Account>> PersonalAccountsAsync(
        NpgsqlTransaction transaction, string tenantId, Contact contact, CancellationToken cancellationToken)
    {
        var personal = new List<Account>();
        var households = await ErasureRows.HouseholdsOfAsync(transaction, tenantId, contact.Id, cancellationToken);
        var ofMerged = await ErasureRows.AccountsOfMergedAsync(transaction, contact, cancellationToken);
        foreach (var id in households.Prepend(contact.AccountId).Concat(ofMerged).Distinct().Order())
        {
            if (await AccountRows.FindAsync(transaction.Connection!, transaction, tenantId, id, RowLock.Update, cancellationToken, withDeleted: true)
                    is { } account
                && PersonalAccounts.IsNamedAfter(account, contact,
                    await ErasureRows.HasOtherMembersAsync(transaction, tenantId, id, contact.Id, cancellationToken)))
            {
                personal.Add(account);
            }
        }

        return personal;
    }

    private async Task EraseAccountAsync(
        NpgsqlTransaction transaction, Caller caller, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ErasureRows.AddTombstonesAsync(
            transaction, caller.TenantId, Tombstones.HashesOf(caller.TenantId, account.Profile), now, cancellationToken);
        await ErasureRows.EraseAccountAsync(transaction, account, now, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, account, account.Version + 1,
            [new FieldChange("personal_data", null, "erased")], caller.UserId, now, cancellationToken);
        await outbox.EnqueueAsync(transaction,
            new CustomerUpdated(account.Id, account.TenantId, ["personal_data"], account.Version + 1, caller.UserId, now), cancellationToken);
    }
}
