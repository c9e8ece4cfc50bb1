using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Contact management: interactions on an account's timeline, their follow-ups and the repeated-contact check. Each
/// write is one transaction holding the interaction, its field history, InteractionRecorded and the account's
/// re-derived phase and value tier. Recording one reads, once its account is locked, what the repeated-contact check and
/// the derivation need in one round trip (<see cref="DerivationReads"/>), and sends its writes in one more.
/// </summary>
public sealed class InteractionOperations(
    NpgsqlDataSource dataSource, Outbox outbox, AccountDerivation derivation, TimeProvider time, ILogger<InteractionOperations> logger)
{
    /// <summary>The source of interactions recorded through this service's API.</summary>
    public const string ApiSource = "customers";

    public async Task<Interaction> RecordAsync(Caller caller, NewInteraction input, Guid? requestId, CancellationToken cancellationToken)
    {
        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var occurredAt = Sql.ToMicroseconds(InteractionRules.OccurredAt(input.OccurredAt, now, "interaction.occur_time"));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (earlier, contact) = await RecordingLookups.ReadAsync(transaction, caller.TenantId, requestId, input.ContactId, cancellationToken);
        if (earlier is not null)
        {
            return await RepeatedAsync(transaction, caller, requestId!.Value, earlier, cancellationToken);
        }

        var account = await TargetAccountAsync(transaction, caller, input, contact, cancellationToken);
        AccessPolicy.EnsureCanRead(caller, account.Ownership, account.ResourceName);
        AccessPolicy.EnsureCanRecordInteraction(caller, account.Ownership, account.ResourceName);
        var (inputs, previousAttempts) = input.Direction == InteractionDirection.Outbound
            ? await DerivationReads.ReadForOutboundAsync(transaction, caller.TenantId, account.Id, input.ContactId, occurredAt, cancellationToken)
            : (await DerivationReads.ReadAsync(transaction, caller.TenantId, account.Id, cancellationToken), []);
        var followUp = input.FollowUp is { } f
            ? new FollowUp(Sql.ToMicroseconds(f.DueAt), f.OwnerUserId ?? caller.UserId, f.Note, f.Done ? now : null)
            : null;
        var interaction = new Interaction(Guid.CreateVersion7(), caller.TenantId, account.Id, input.ContactId, input.Channel,
            input.TouchpointType, input.TouchpointOwner, input.Direction, input.Purpose, input.Outcome, input.Subject, input.Notes,
            occurredAt, caller.UserId, ApiSource, followUp, previousAttempts, 1, now, now);

        var derived = AccountDerivation.Derive(account, [.. inputs.Signals, interaction.Signal], inputs.Rules.Rules, now);
        var insert = InteractionRows.Insert(interaction, requestId);
        await Sql.ExecuteAsync(transaction,
            [
                insert,
                AuditLog.Insert(
                    caller.TenantId, interaction, interaction.Version, FieldChanges.OfCreation(interaction), caller.UserId, now),
                outbox.Insert(new InteractionRecorded(interaction.Id, account.Id, interaction.ContactId, caller.TenantId,
                    interaction.Channel.ToString(), $"{interaction.Direction}", $"{interaction.Purpose}", $"{interaction.Outcome}",
                    interaction.RepeatedContact, interaction.OccurredAt, caller.UserId, now)),
                .. derivation.Write(account, derived, caller.UserId, now).Commands,
            ],
            cancellationToken);
        if (insert.RecordsAffected == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ReadRepeatedAsync(caller, requestId!.Value, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        InteractionsLog.Recorded(logger, interaction.ResourceName, account.ResourceName, interaction.RepeatedContact);
        return interaction;
    }

    public async Task<Interaction> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindReadableAsync(connection, caller, id, cancellationToken);
    }

    /// <summary>The interaction, if it exists in the caller's tenant and the caller may read it.</summary>
    internal static async Task<Interaction> FindReadableAsync(NpgsqlConnection connection, Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var interaction = await InteractionRows.FindAsync(connection, null, caller.TenantId, id, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Interaction.ResourcePrefix + id);
        var account = await AccountRows.FindAsync(connection, null, caller.TenantId, interaction.AccountId, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(interaction.ResourceName);
        AccessPolicy.EnsureCanReadInteraction(
            caller, account.Ownership, interaction.RecordedBy, interaction.FollowUp?.OwnerUserId, interaction.ResourceName);
        return interaction;
    }

    public async Task<Interaction> UpdateAsync(
        Caller caller, Guid id, string? etag, InteractionChange change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locks in the order RecordAsync takes them (account, then interactions), so that the two cannot deadlock.
        var found = await InteractionRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(Interaction.ResourcePrefix + id);
        var account = await AccountRows.FindAsync(connection, transaction, caller.TenantId, found.AccountId, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(found.ResourceName);
        var before = await InteractionRows.FindAsync(connection, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(found.ResourceName);
        if (before.AccountId != account.Id)
        {
            // A merge of accounts moved it while this waited for the old one.
            account = await AccountRows.FindAsync(connection, transaction, caller.TenantId, before.AccountId, RowLock.Update, cancellationToken)
                ?? throw new RecordNotFoundException(found.ResourceName);
        }

        AccessPolicy.EnsureCanChangeInteraction(
            caller, account.Ownership, before.RecordedBy, before.FollowUp?.OwnerUserId, before.ResourceName);
        Etags.Check(before.ResourceName, before.Version, etag);

        var now = Sql.ToMicroseconds(time.GetUtcNow());
        var after = change(before, now) with { Version = before.Version + 1, UpdatedAt = now };
        var changes = FieldChanges.Between(before, after);
        if (changes.Count == 0)
        {
            return before;
        }

        await InteractionRows.UpdateAsync(transaction, after, cancellationToken);
        await AuditLog.WriteAsync(transaction, caller.TenantId, after, after.Version, changes, caller.UserId, now, cancellationToken);
        if (after.Signal != before.Signal)
        {
            await derivation.RefreshAsync(transaction, account, caller.UserId, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        InteractionsLog.Updated(logger, after.ResourceName, after.Version, string.Join(",", changes.Select(c => c.Field)));
        return after;
    }

    /// <summary>A timeline page, newest first.</summary>
    public async Task<Page<Interaction>> ListAsync(
        Caller caller, InteractionFilters filters, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.PageSize(pageSize);
        var after = Paging.After(pageToken, filters.Fingerprint);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (ownership, resourceName) = filters.ParentKind == RecordKind.Account
            ? ((await AccountRows.FindAsync(connection, null, caller.TenantId, filters.ParentId, RowLock.None, cancellationToken))?.Ownership,
                Account.ResourcePrefix + filters.ParentId)
            : ((await ContactRows.FindAsync(connection, null, caller.TenantId, filters.ParentId, RowLock.None, cancellationToken))?.Ownership,
                Contact.ResourcePrefix + filters.ParentId);
        AccessPolicy.EnsureCanRead(caller, ownership ?? throw new RecordNotFoundException(resourceName), resourceName);
        var rows = await InteractionRows.ListAsync(connection, null, new InteractionQuery(caller.TenantId, filters.ParentKind, filters.ParentId,
            filters.Channel, filters.Purpose, filters.RepeatedOnly, after, size + 1), cancellationToken);
        return rows.Count > size
            ? new Page<Interaction>(rows[..size], Paging.Token(rows[size - 1].Id, filters.Fingerprint))
            : new Page<Interaction>(rows, null);
    }

    /// <summary>
    /// Open follow-ups, due soonest first: the caller's own (all of them: they were assigned to the caller), or another
    /// user's within what the caller may read.
    /// </summary>
    public async Task<Page<Interaction>> ListFollowUpsAsync(
        Caller caller, string? ownerUserId, DateTimeOffset? dueBefore, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var owner = ownerUserId ?? caller.UserId;
        AccessPolicy.EnsureCanListFollowUpsOf(caller, owner);
        var scope = owner == caller.UserId ? null : AccessPolicy.ReadScopeOf(caller);
        var size = Paging.PageSize(pageSize);
        var fingerprint = $"follow-ups|{owner}|{dueBefore:O}";
        var after = Paging.After(pageToken, fingerprint);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await InteractionRows.OpenFollowUpsAsync(connection, null,
            new FollowUpQuery(caller.TenantId, owner, null, scope, dueBefore, after, size + 1), cancellationToken);
        return rows.Count > size
            ? new Page<Interaction>(rows[..size], Paging.Token(rows[size - 1].Id, fingerprint))
            : new Page<Interaction>(rows, null);
    }

    public async Task<ContactPolicy> GetPolicyAsync(Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanReadCustomers(caller);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ContactPolicyRows.FindAsync(connection, null, caller.TenantId, cancellationToken);
    }

    public async Task<ContactPolicy> UpdatePolicyAsync(Caller caller, ContactPolicyChange change, CancellationToken cancellationToken)
    {
        AccessPolicy.EnsureCanChangeTenantSettings(caller, "contact policy");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ContactPolicyRows.LockAsync(transaction, caller.TenantId, cancellationToken);
        var current = await ContactPolicyRows.FindAsync(connection, transaction, caller.TenantId, cancellationToken);
        var policy = change.ApplyTo(current, "policy");
        await ContactPolicyRows.SaveAsync(transaction, caller.TenantId, policy, caller.UserId, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        InteractionsLog.PolicyChanged(logger, caller.TenantId, policy.RepeatedContactWindow, policy.RepeatedContactThreshold);
        return policy;
    }

    /// <summary>
    /// The interaction's account, locked: the given one, or the contact's (which must then be the given one's). The
    /// contact, looked up with the request id (<see cref="RecordingLookups"/>), is locked first, for reference, in the order
    /// merges and erasures lock contacts and then accounts.
    /// </summary>
    private static async Task<Account> TargetAccountAsync(
        NpgsqlTransaction transaction, Caller caller, NewInteraction input, Contact? contact, CancellationToken cancellationToken)
    {
        var accountId = input.AccountId;
        if (input.ContactId is { } contactId)
        {
            var found = contact ?? throw new RecordNotFoundException(Contact.ResourcePrefix + contactId);
            if (accountId is { } given && given != found.AccountId)
            {
                throw new InvalidFieldException("interaction.contact", $"{found.ResourceName} is not a contact of {Account.ResourcePrefix}{given}.");
            }

            accountId = found.AccountId;
        }

        var id = accountId ?? throw new InvalidFieldException("interaction.account", "is required (or a contact of the account).");
        return await AccountRows.FindAsync(transaction.Connection!, transaction, caller.TenantId, id, RowLock.Update, cancellationToken)
            ?? throw new RecordNotFoundException(Account.ResourcePrefix + id);
    }

    private async Task<Interaction> ReadRepeatedAsync(Caller caller, Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var earlier = await InteractionRows.FindByRequestIdAsync(transaction, caller.TenantId, requestId, cancellationToken)
            ?? throw new RecordNotFoundException($"The interaction recorded by request {requestId}");
        return await RepeatedAsync(transaction, caller, requestId, earlier, cancellationToken);
    }

    private async Task<Interaction> RepeatedAsync(
        NpgsqlTransaction transaction, Caller caller, Guid requestId, Interaction earlier, CancellationToken cancellationToken)
    {
        var account = await AccountRows.FindAsync(transaction.Connection!, transaction, caller.TenantId, earlier.AccountId, RowLock.None, cancellationToken)
            ?? throw new RecordNotFoundException(earlier.ResourceName);
        AccessPolicy.EnsureCanReadInteraction(caller, account.Ownership, earlier.RecordedBy, earlier.FollowUp?.OwnerUserId, earlier.ResourceName);
        CustomersLog.RequestRepeated(logger, requestId, earlier.ResourceName);
        return earlier;
    }
}
