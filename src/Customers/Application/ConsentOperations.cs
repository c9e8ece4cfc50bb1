using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>The consent ledger: each grant or withdrawal is appended with its ConsentChanged event in one transaction.</summary>
public sealed class ConsentOperations(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider time)
{
    public async Task<ConsentRecord> RecordAsync(
        Caller caller, Guid contactId, ConsentPurpose purpose, bool granted, string source, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(connection, transaction, caller.TenantId, contactId, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        ConsentRules.EnsureCanRecord(caller, contact);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var record = await ConsentRows.AppendAsync(transaction, caller.TenantId,
            new ConsentRecord(0, contactId, purpose, granted, source, caller.UserId, now), cancellationToken);
        await outbox.EnqueueAsync(transaction,
            new ConsentChanged(contactId, caller.TenantId, purpose.ToString(), granted, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<ConsentRecord>> LedgerAsync(Caller caller, Guid contactId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(connection, null, caller.TenantId, contactId, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        return await ConsentRows.LedgerAsync(connection, caller.TenantId, contactId, cancellationToken);
    }
}
