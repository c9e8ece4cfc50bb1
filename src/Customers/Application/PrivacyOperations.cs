using System.Data;
using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Privacy requests about a contact (PIPEDA/GDPR): access to everything held about them, and erasure.</summary>
public sealed class PrivacyOperations(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider time)
{
    private const int MaxHistoryEntries = 100_000;

    public async Task<PersonalDataExport> ExportAsync(Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var contact = await ContactRows.FindAsync(connection, snapshot, caller.TenantId, contactId, forUpdate: false, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        var account = await AccountRows.FindAsync(connection, snapshot, caller.TenantId, contact.AccountId, forUpdate: false, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + contact.AccountId);
        var relationships = await RelationshipRows.ListAsync(connection, caller.TenantId, contactId, cancellationToken);
        var consents = await ConsentRows.LedgerAsync(connection, caller.TenantId, contactId, cancellationToken);
        var history = await AuditLog.ReadAsync(connection, caller.TenantId, contact.ResourceName, null, MaxHistoryEntries, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return new PersonalDataExport(contact, account, relationships, consents, history);
    }

    /// <summary>Erases the contact's personal data and keeps hashed tombstones, in one transaction with PersonalDataErased.</summary>
    public async Task EraseAsync(Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("Erasing personal data needs the role admin.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(connection, transaction, caller.TenantId, contactId, forUpdate: true, cancellationToken, withDeleted: true)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        await ErasureRows.AddTombstonesAsync(
            transaction, caller.TenantId, Tombstones.HashesOf(caller.TenantId, contact.ProfileWith(null)), now, cancellationToken);
        await ContactRows.EraseAsync(transaction, contact, now, cancellationToken);
        await ErasureRows.ScrubAsync(transaction, caller.TenantId, contactId, contact.ResourceName, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, contact, contact.Version + 1,
            [new FieldChange("personal_data", null, "erased")], caller.UserId, now, cancellationToken);
        await outbox.EnqueueAsync(transaction,
            new PersonalDataErased(contactId, contact.AccountId, caller.TenantId, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
