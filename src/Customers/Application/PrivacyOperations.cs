using System.Data;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>Privacy requests about a contact (PIPEDA/GDPR): access to everything held about them.</summary>
public sealed class PrivacyOperations(NpgsqlDataSource dataSource)
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
}
