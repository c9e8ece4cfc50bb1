using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Contact use cases. A contact belongs to an account the caller can read; each write is one transaction holding the
/// row, its audit entries and its event in the outbox.
/// </summary>
public sealed class ContactOperations(
    NpgsqlDataSource dataSource, PostgresReads reads, Outbox outbox, TimeProvider time, ILogger<ContactOperations> logger)
{
    private static readonly IReadOnlyDictionary<string, CustomFieldValue> NoCustomFields = new Dictionary<string, CustomFieldValue>();

    public async Task<Contact> CreateAsync(Caller caller, NewContact input, CreateOptions options, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanCreate(caller, AccessPolicy.DefaultOwnership(caller, input.OwnerUserId, input.Team), "contact");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (options.RequestId is { } requestId
            && await ContactRows.FindByRequestIdAsync(transaction, caller.TenantId, requestId, cancellationToken) is { } earlier)
        {
            return Repeated(caller, requestId, earlier);
        }

        Contact? contact;
        try
        {
            contact = await AddAsync(transaction, caller, input, options, cancellationToken);
        }
        catch (ProbableDuplicateException) when (options.RequestId is { } retried)
        {
            // A retry that raced its original meets the original as a probable duplicate.
            if (await ContactRows.FindByRequestIdAsync(transaction, caller.TenantId, retried, cancellationToken) is { } original)
            {
                return Repeated(caller, retried, original);
            }

            throw;
        }

        if (contact is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReadRepeatedAsync(caller, options.RequestId!.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Created(logger, contact.ResourceName, contact.TenantId, caller.UserId);
        return contact;
    }

    /// <summary>
    /// Validates and inserts a new contact inside <paramref name="transaction"/> (which lifting an erased person's
    /// tombstones on renewed consent also writes in), with its history and ContactAdded in one round trip; the caller
    /// commits. Null when the tenant already has a contact with the request id: the transaction is aborted.
    /// </summary>
    internal async Task<Contact?> AddAsync(
        NpgsqlTransaction transaction, Caller caller, NewContact input, CreateOptions options, CancellationToken cancellationToken)
    {
        var ownership = AccessPolicy.DefaultOwnership(caller, input.OwnerUserId, input.Team);
        AccessPolicy.EnsureCanCreate(caller, ownership, "contact");
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var customFields = await CustomFieldValues.ApplyAsync(transaction.Connection!, caller.TenantId, RecordKind.Contact, NoCustomFields,
            input.CustomFields, replace: false, "contact.custom_fields", cancellationToken);
        var contact = new Contact(Guid.CreateVersion7(), caller.TenantId, input.AccountId, input.GivenName, input.FamilyName,
            input.Email, input.Phone, input.JobTitle, ownership, input.Tags, 1, now, now, customFields, input.Address,
            input.PreferredChannel, input.ContactTimes);

        var account = await ReadableAccountAsync(transaction, caller, input.AccountId, cancellationToken);
        await EnsureNotErasedAsync(transaction, caller, contact.ProfileWith(null), options.ReconsentSource, cancellationToken);
        if (!options.ConfirmNotDuplicate)
        {
            await GuardDuplicatesAsync(transaction, caller, contact.ProfileWith(account.Domain), cancellationToken);
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                ContactRows.Insert(contact, options.RequestId, caller.UserId),
                AuditLog.Insert(caller.TenantId, contact, contact.Version, FieldChanges.OfCreation(contact), caller.UserId, now),
                outbox.Insert(new ContactAdded(
                    contact.Id, account.Id, caller.TenantId, ownership.OwnerUserId, ownership.Team, caller.UserId, now)),
            },
        };
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return contact;
        }
        catch (PostgresException error) when (ContactRows.IsRequestIdTaken(error))
        {
            return null;
        }
    }

    public async Task<Contact> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var contact = await ContactRows.FindAsync(reads, caller.TenantId, id, cancellationToken)
            ?? await ContactRows.FindSurvivorAsync(reads, caller.TenantId, id, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        return contact;
    }

    public async Task<Contact> UpdateAsync(
        Caller caller, Guid id, string? etag, RecordChange<Contact> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ContactRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, before.Ownership, before.ResourceName);
        AccessPolicy.EnsureCanWrite(caller, before.Ownership, before.ResourceName);
        Etags.Check(before.ResourceName, before.Version, etag);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var customFields = await CustomFieldValues.ApplyAsync(connection, caller.TenantId, RecordKind.Contact, before.CustomFields,
            change.CustomFields, change.ReplaceCustomFields, "contact.custom_fields", cancellationToken);
        var after = change.Fields(before) with { CustomFields = customFields, Version = before.Version + 1, UpdatedAt = now };
        AccessPolicy.EnsureCanUpdate(caller, before.Ownership, after.Ownership, before.ResourceName);
        if (after.AccountId != before.AccountId)
        {
            await ReadableAccountAsync(transaction, caller, after.AccountId, cancellationToken);
        }

        var changes = FieldChanges.Between(before, after);
        if (changes.Count == 0)
        {
            return before;
        }

        await ContactRows.UpdateAsync(transaction, after, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, after, after.Version, changes, caller.UserId, now, cancellationToken);
        var fields = changes.Select(c => c.Field).ToList();
        await outbox.EnqueueAsync(transaction,
            new ContactUpdated(after.Id, after.AccountId, after.TenantId, fields, after.Version, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Updated(logger, after.ResourceName, after.Version, string.Join(",", fields));
        return after;
    }

    /// <summary>Deletes a contact and its relationships; its interactions stay on the account's timeline.</summary>
    public async Task DeleteAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contact = await ContactRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Contact.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, contact.Ownership, contact.ResourceName);
        AccessPolicy.EnsureCanWrite(caller, contact.Ownership, contact.ResourceName);
        Etags.Check(contact.ResourceName, contact.Version, etag);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        await ContactRows.MarkDeletedAsync(transaction, contact, now, cancellationToken);
        await RelationshipRows.DeleteOfContactAsync(transaction, caller.TenantId, contact.Id, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, contact, contact.Version + 1,
            [new FieldChange("delete_time", null, now.ToString("O"))], caller.UserId, now, cancellationToken);
        await outbox.EnqueueAsync(transaction, new ContactDeleted(contact.Id, contact.AccountId, caller.TenantId, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Deleted(logger, contact.ResourceName, contact.TenantId);
    }

    public async Task<Page<Contact>> ListAsync(
        Caller caller, ContactFilters filters, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var list = await ListOnAsync(connection, caller, filters, cancellationToken);
        return await list.PageAsync(pageSize, pageToken, cancellationToken);
    }

    /// <summary>Every page <see cref="ListAsync"/> lists for the caller and filters, read from one snapshot.</summary>
    public Task<ListSnapshot<Contact>> BeginExportAsync(Caller caller, ContactFilters filters, CancellationToken cancellationToken) =>
        ListSnapshot<Contact>.BeginAsync(dataSource, (connection, token) => ListOnAsync(connection, caller, filters, token), cancellationToken);

    /// <summary>The contacts the caller may read that match the filters, read through <paramref name="connection"/>.</summary>
    private static async Task<RecordList<Contact>> ListOnAsync(
        NpgsqlConnection connection, Caller caller, ContactFilters filters, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.ReadScopeOf(caller);
        var customFields = await CustomFieldValues.ForListAsync(connection, caller.TenantId, RecordKind.Contact, filters.CustomFields, cancellationToken);
        var query = new ContactQuery(caller.TenantId, scope, filters.AccountId, filters.OwnerUserId, filters.Team, filters.Tag,
            filters.Search, customFields, filters.Order, After: null, Limit: 0);
        return new RecordList<Contact>(filters.Order, filters.Fingerprint,
            (after, limit, token) => ContactRows.ListAsync(connection, query with { After = after, Limit = limit }, token));
    }

    /// <summary>The account a contact is about to join, locked for reference so that it cannot be deleted or merged meanwhile.</summary>
    private static async Task<Account> ReadableAccountAsync(
        NpgsqlTransaction transaction, Caller caller, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await AccountRows.FindAsync(transaction.Connection!, transaction, caller.TenantId, accountId, RowLock.Reference,
            cancellationToken) ?? throw new RecordNotFoundException(Account.ResourcePrefix + accountId);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        return account;
    }

    /// <summary>An erased person comes back only with their renewed consent, which lifts their tombstones.</summary>
    private static async Task EnsureNotErasedAsync(
        NpgsqlTransaction transaction, Caller caller, PartyProfile person, string? reconsentSource, CancellationToken cancellationToken)
    {
        var hashes = Tombstones.LookupHashesOf(caller.TenantId, person);
        if (hashes.Count == 0)
        {
            return;
        }

        if (reconsentSource is null)
        {
            if (await ErasureRows.AnyTombstoneAsync(transaction, caller.TenantId, hashes, cancellationToken))
            {
                throw new ErasedPersonException();
            }

            return;
        }

        await ErasureRows.RemoveTombstonesAsync(transaction, caller.TenantId, Tombstones.HashesOf(caller.TenantId, person), cancellationToken);
    }

    private async Task GuardDuplicatesAsync(
        NpgsqlTransaction transaction, Caller caller, PartyProfile profile, CancellationToken cancellationToken)
    {
        var similar = await ContactRows.FindSimilarAsync(transaction, caller.TenantId, profile, cancellationToken);
        var duplicates = DuplicateCheck.Find(caller, profile, similar.Select(row => new ExistingParty(
            row.Contact.ResourceName, row.Contact.FullName, row.Contact.ProfileWith(row.AccountDomain), row.Contact.Ownership)).ToList());
        if (duplicates.Count > 0)
        {
            CustomersLog.ProbableDuplicate(logger, "contact", string.Join(",", duplicates.Select(c => c.ResourceName)));
            throw new ProbableDuplicateException("contact", duplicates);
        }
    }

    private async Task<Contact> ReadRepeatedAsync(Caller caller, Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var earlier = await ContactRows.FindByRequestIdAsync(transaction, caller.TenantId, requestId, cancellationToken)
            ?? throw new RecordNotFoundException($"The contact created by request {requestId}");
        return Repeated(caller, requestId, earlier);
    }

    private Contact Repeated(Caller caller, Guid requestId, Contact earlier)
    {
        AccessPolicy.EnsureCanRead(caller, earlier.Ownership, earlier.ResourceName);
        CustomersLog.RequestRepeated(logger, requestId, earlier.ResourceName);
        return earlier;
    }
}
