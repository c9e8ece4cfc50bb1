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
/// Account use cases. Each write is one transaction holding the row, its audit entries and its event in the outbox.
/// </summary>
public sealed class AccountOperations(
    NpgsqlDataSource dataSource, PostgresReads reads, Outbox outbox, AccountDerivation derivation, ValueTierRuleCache tierRules,
    TimeProvider time, ILogger<AccountOperations> logger)
{
    private static readonly IReadOnlyDictionary<string, CustomFieldValue> NoCustomFields = new Dictionary<string, CustomFieldValue>();

    public async Task<Account> CreateAsync(Caller caller, NewAccount input, CreateOptions options, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanCreate(caller, AccessPolicy.DefaultOwnership(caller, input.OwnerUserId, input.Team), "account");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (options.RequestId is { } requestId
            && await AccountRows.FindByRequestIdAsync(connection, caller.TenantId, requestId, cancellationToken) is { } earlier)
        {
            return Repeated(caller, requestId, earlier);
        }

        Account? account;
        try
        {
            account = await AddAsync(connection, null, caller, input, options, cancellationToken);
        }
        catch (ProbableDuplicateException) when (options.RequestId is { } retried)
        {
            // A retry that raced its original meets the original as a probable duplicate.
            if (await AccountRows.FindByRequestIdAsync(connection, caller.TenantId, retried, cancellationToken) is { } original)
            {
                return Repeated(caller, retried, original);
            }

            throw;
        }

        if (account is null)
        {
            return await ReadRepeatedAsync(connection, caller, options.RequestId!.Value, cancellationToken);
        }

        CustomersLog.Created(logger, account.ResourceName, account.TenantId, caller.UserId);
        return account;
    }

    /// <summary>
    /// Validates and inserts a new account with its history and CustomerCreated, in one round trip: inside
    /// <paramref name="transaction"/>, which the caller commits, or else as a transaction of its own. Null when the tenant
    /// already has an account with the request id (nothing is written, and <paramref name="transaction"/> is aborted).
    /// A new account has no interactions, so only the value-tier rules derive anything: read inside
    /// <paramref name="transaction"/>, or else taken from the cache and checked by the insert's own round trip, either way
    /// under the lock that keeps a replacement of the rules waiting until the account is in.
    /// </summary>
    internal async Task<Account?> AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Caller caller, NewAccount input, CreateOptions options,
        CancellationToken cancellationToken)
    {
        var ownership = AccessPolicy.DefaultOwnership(caller, input.OwnerUserId, input.Team);
        AccessPolicy.EnsureCanCreate(caller, ownership, "account");
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var customFields = await CustomFieldValues.ApplyAsync(connection, caller.TenantId, RecordKind.Account, NoCustomFields,
            input.CustomFields, replace: false, "account.custom_fields", cancellationToken);
        var account = new Account(Guid.CreateVersion7(), caller.TenantId, input.Kind, input.DisplayName, input.Email, input.Phone,
            input.Domain, ownership, input.Tags, input.Phase ?? RelationshipPhase.Awareness, 1, now, now, customFields, input.Address,
            ValueTier: input.ValueTier, PhaseOverride: input.Phase is not null,
            ValueTierSource: input.ValueTier is null ? null : ValueTierRules.Manual);

        if (!options.ConfirmNotDuplicate)
        {
            var similar = await AccountRows.FindSimilarAsync(connection, transaction, caller.TenantId, account.Profile, cancellationToken);
            GuardDuplicates(caller, account.Profile, similar);
        }

        var rules = transaction is null
            ? await tierRules.GetAsync(connection, caller.TenantId, cancellationToken)
            : await ValueTierRuleRows.FindForInsertAsync(transaction, caller.TenantId, cancellationToken);
        account = ValueTierRules.Apply(account, rules.Rules, ValueTierFacts.None);

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                AccountRows.Insert(account, options.RequestId, caller.UserId),
                AuditLog.Insert(caller.TenantId, account, account.Version, FieldChanges.OfCreation(account), caller.UserId, now),
                outbox.Insert(new CustomerCreated(
                    account.Id, account.TenantId, account.Kind.ToString(), ownership.OwnerUserId, ownership.Team, caller.UserId, now)),
            },
        };
        if (transaction is null)
        {
            batch.BatchCommands.Insert(0, ValueTierRuleRows.CheckVersion(caller.TenantId, rules.Version));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return account;
        }
        catch (PostgresException error) when (AccountRows.IsRequestIdTaken(error))
        {
            return null;
        }
        catch (PostgresException error) when (ValueTierRuleRows.IsVersionChanged(error))
        {
            tierRules.Forget(caller.TenantId);
            return await AddAsync(connection, transaction, caller, input, options, cancellationToken);
        }
    }

    public async Task<Account> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var account = await AccountRows.FindAsync(reads, caller.TenantId, id, cancellationToken)
            ?? await AccountRows.FindSurvivorAsync(reads, caller.TenantId, id, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        return account;
    }

    /// <summary>
    /// The accounts of <paramref name="ids"/>, in their order, as <see cref="GetAsync"/> finds each (a merged id gives its
    /// survivor) in one query; null where an id is not found or the caller may not read the account, not told apart.
    /// </summary>
    public async Task<IReadOnlyList<Account?>> BatchGetAsync(Caller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await AccountRows.FindManyAsync(reads, caller.TenantId, ids.Distinct().ToArray(), cancellationToken);
        return ids
            .Select(id => found.GetValueOrDefault(id) is { } account && AccessPolicy.CanRead(caller, account.Ownership) ? account : null)
            .ToList();
    }

    public async Task<Account> UpdateAsync(
        Caller caller, Guid id, string? etag, RecordChange<Account> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await AccountRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, before.Ownership, before.ResourceName);
        AccessPolicy.EnsureCanWrite(caller, before.Ownership, before.ResourceName);
        Etags.Check(before.ResourceName, before.Version, etag);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var customFields = await CustomFieldValues.ApplyAsync(connection, caller.TenantId, RecordKind.Account, before.CustomFields,
            change.CustomFields, change.ReplaceCustomFields, "account.custom_fields", cancellationToken);
        var changed = change.Fields(before) with { CustomFields = customFields, Version = before.Version + 1, UpdatedAt = now };
        if (before.ValueTierSource == ValueTierRules.Manual && changed.ValueTierSource != ValueTierRules.Manual)
        {
            await ValueTierRuleRows.LockSharedAsync(transaction, caller.TenantId, cancellationToken);
        }

        var derived = await derivation.DeriveAsync(transaction, changed, now, cancellationToken);
        var after = derived.Account;
        AccessPolicy.EnsureCanUpdate(caller, before.Ownership, after.Ownership, before.ResourceName);
        var changes = FieldChanges.Between(before, after);
        if (changes.Count == 0)
        {
            return before;
        }

        await derivation.WriteAsync(transaction, before, derived, caller.UserId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Updated(logger, after.ResourceName, after.Version, string.Join(",", changes.Select(c => c.Field)));
        return after;
    }

    public async Task DeleteAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await AccountRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + id);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        AccessPolicy.EnsureCanWrite(caller, account.Ownership, account.ResourceName);
        Etags.Check(account.ResourceName, account.Version, etag);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        await AccountRows.MarkDeletedAsync(transaction, account, now, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, account, account.Version + 1,
            [new FieldChange("delete_time", null, now.ToString("O"))], caller.UserId, now, cancellationToken);
        await outbox.EnqueueAsync(transaction, new CustomerDeleted(account.Id, account.TenantId, caller.UserId, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CustomersLog.Deleted(logger, account.ResourceName, account.TenantId);
    }

    public async Task<Page<Account>> ListAsync(
        Caller caller, AccountFilters filters, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var list = await ListOnAsync(connection, caller, filters, cancellationToken);
        return await list.PageAsync(pageSize, pageToken, cancellationToken);
    }

    /// <summary>Every page <see cref="ListAsync"/> lists for the caller and filters, read from one snapshot.</summary>
    public Task<ListSnapshot<Account>> BeginExportAsync(Caller caller, AccountFilters filters, CancellationToken cancellationToken) =>
        ListSnapshot<Account>.BeginAsync(dataSource, (connection, token) => ListOnAsync(connection, caller, filters, token), cancellationToken);

    /// <summary>The accounts the caller may read that match the filters, read through <paramref name="connection"/>.</summary>
    private static async Task<RecordList<Account>> ListOnAsync(
        NpgsqlConnection connection, Caller caller, AccountFilters filters, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.ReadScopeOf(caller);
        var customFields = await CustomFieldValues.ForListAsync(connection, caller.TenantId, RecordKind.Account, filters.CustomFields, cancellationToken);
        var query = new AccountQuery(caller.TenantId, scope, filters.OwnerUserId, filters.Team, filters.Tag, filters.Phase, filters.Kind,
            filters.Segment, filters.ValueTier, filters.Search, customFields, filters.Order, After: null, Limit: 0);
        return new RecordList<Account>(filters.Order, filters.Fingerprint,
            (after, limit, token) => AccountRows.ListAsync(connection, query with { After = after, Limit = limit }, token));
    }

    private void GuardDuplicates(Caller caller, PartyProfile profile, IEnumerable<Account> similar)
    {
        var duplicates = DuplicateCheck.Find(caller, profile,
            similar.Select(a => new ExistingParty(a.ResourceName, a.DisplayName, a.Profile, a.Ownership)).ToList());
        if (duplicates.Count > 0)
        {
            CustomersLog.ProbableDuplicate(logger, "account", string.Join(",", duplicates.Select(c => c.ResourceName)));
            throw new ProbableDuplicateException("account", duplicates);
        }
    }

    private async Task<Account> ReadRepeatedAsync(NpgsqlConnection connection, Caller caller, Guid requestId, CancellationToken cancellationToken)
    {
        var earlier = await AccountRows.FindByRequestIdAsync(connection, caller.TenantId, requestId, cancellationToken)
            ?? throw new RecordNotFoundException($"The account created by request {requestId}");
        return Repeated(caller, requestId, earlier);
    }

    private Account Repeated(Caller caller, Guid requestId, Account earlier)
    {
        AccessPolicy.EnsureCanRead(caller, earlier.Ownership, earlier.ResourceName);
        CustomersLog.RequestRepeated(logger, requestId, earlier.ResourceName);
        return earlier;
    }
}
