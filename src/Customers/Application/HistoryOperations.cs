using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Security;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>The field-level history of an account, contact or interaction, for callers who may read the record.</summary>
public sealed class HistoryOperations(NpgsqlDataSource dataSource)
{
    public async Task<Page<AuditEntry>> ListAsync(
        Caller caller, RecordKind kind, Guid id, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (resourceName, ownership) = await RecordAsync(connection, caller, kind, id, cancellationToken);
        AccessPolicy.EnsureCanRead(caller, ownership, resourceName);
        return await ReadPageAsync(connection, caller, resourceName, pageSize, pageToken, cancellationToken);
    }

    /// <summary>An interaction's history, for callers who may read the interaction.</summary>
    public async Task<Page<AuditEntry>> ListInteractionAsync(
        Caller caller, Guid id, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var interaction = await InteractionOperations.FindReadableAsync(connection, caller, id, cancellationToken);
        return await ReadPageAsync(connection, caller, interaction.ResourceName, pageSize, pageToken, cancellationToken);
    }

    private static async Task<Page<AuditEntry>> ReadPageAsync(
        NpgsqlConnection connection, Caller caller, string resourceName, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.PageSize(pageSize);
        var after = Paging.AfterSequence(pageToken, resourceName);
        var entries = await AuditLog.ReadAsync(connection, caller.TenantId, resourceName, after, size + 1, cancellationToken);
        return entries.Count > size
            ? new Page<AuditEntry>(entries[..size], Paging.Token(entries[size - 1].Sequence, resourceName))
            : new Page<AuditEntry>(entries, null);
    }

    private static async Task<(string ResourceName, Ownership Ownership)> RecordAsync(
        NpgsqlConnection connection, Caller caller, RecordKind kind, Guid id, CancellationToken cancellationToken)
    {
        if (kind == RecordKind.Account)
        {
            var account = await AccountRows.FindAsync(connection, null, caller.TenantId, id, RowLock.None, cancellationToken)
                ?? throw new RecordNotFoundException(Account.ResourcePrefix + id);
            return (account.ResourceName, account.Ownership);
        }

        var contact = await ContactRows.FindAsync(connection, null, caller.TenantId, id, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + id);
        return (contact.ResourceName, contact.Ownership);
    }
}
