using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Relationships belong to their contact: creating or deleting one needs write access to the contact (and read access
/// to the target) and is recorded in the contact's history.
/// </summary>
public sealed class RelationshipOperations(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<Relationship> CreateAsync(
        Caller caller, RelationshipType type, Guid contactId, Guid targetId, string? description, CancellationToken cancellationToken)
    {
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var relationship = new Relationship(Guid.CreateVersion7(), caller.TenantId, type, contactId, targetId, description, now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (type == RelationshipType.ReportsTo)
        {
            await RelationshipRows.LockReportingLinesAsync(transaction, caller.TenantId, cancellationToken);
        }

        var contact = await WritableContactAsync(transaction, caller, contactId, cancellationToken);
        if (relationship.TargetKind == RecordKind.Account)
        {
            var account = await AccountRows.FindAsync(connection, transaction, caller.TenantId, targetId, RowLock.Reference, cancellationToken)
                ?? throw new RecordNotFoundException(relationship.TargetName);
            AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
            RelationshipRules.EnsureFits(type, account);
        }
        else
        {
            var manager = await ContactRows.FindAsync(connection, transaction, caller.TenantId, targetId, RowLock.Reference, cancellationToken)
                ?? throw new RecordNotFoundException(relationship.TargetName);
            AccessPolicy.EnsureCanRead(caller, manager.Ownership, manager.ResourceName);
            var managersOfManager = await RelationshipRows.ManagersOfAsync(transaction, caller.TenantId, targetId, cancellationToken);
            RelationshipRules.EnsureNoReportingCycle(contactId, targetId, managersOfManager);
        }

        if (!await RelationshipRows.InsertAsync(transaction, relationship, caller.UserId, cancellationToken))
        {
            throw new RecordExistsException($"{contact.ResourceName} already has this {RelationshipRules.Name(type)} relationship.");
        }

        await AuditLog.WriteAsync(transaction, caller.TenantId, contact, contact.Version,
            [new FieldChange(relationship.AuditField, null, relationship.TargetName)], caller.UserId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return relationship;
    }

    public async Task DeleteAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await RelationshipRows.FindAsync(transaction, caller.TenantId, id, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Relationship.ResourcePrefix + id);

        // The contact first, then its relationship: the order in which deleting, merging or erasing the contact locks them.
        var contact = await WritableContactAsync(transaction, caller, found.ContactId, cancellationToken);
        var relationship = await RelationshipRows.FindAsync(transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(found.ResourceName);
        await RelationshipRows.DeleteAsync(transaction, relationship, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, contact, contact.Version,
            [new FieldChange(relationship.AuditField, relationship.TargetName, null)], caller.UserId,
            Sql.ToMicroseconds(time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The relationships from or to a record the caller may read.</summary>
    public async Task<IReadOnlyList<Relationship>> ListAsync(Caller caller, RecordKind kind, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ownership = kind == RecordKind.Account
            ? (await AccountRows.FindAsync(connection, null, caller.TenantId, id, RowLock.None, cancellationToken))?.Ownership
            : (await ContactRows.FindAsync(connection, null, caller.TenantId, id, RowLock.None, cancellationToken))?.Ownership;
        var resourceName = (kind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix) + id;
        AccessPolicy.EnsureCanRead(caller, ownership ?? throw new RecordNotFoundException(resourceName), resourceName);
        return await RelationshipRows.ListAsync(connection, caller.TenantId, id, cancellationToken);
    }

    private static async Task<Contact> WritableContactAsync(
        NpgsqlTransaction transaction, Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await ContactRows.FindAsync(transaction.Connection!, transaction, caller.TenantId, contactId, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        AccessPolicy.EnsureCanWrite(caller, contact.Ownership, contact.ResourceName);
        return contact;
    }
}
