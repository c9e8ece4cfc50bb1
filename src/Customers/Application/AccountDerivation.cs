using CrmPlatform.Contracts.Events;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using CrmPlatform.ServiceDefaults.Messaging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>An account with its derived fields applied, and why its phase is what it is.</summary>
public sealed record DerivedAccount(Account Account, string PhaseReason);

/// <summary>
/// Keeps the derived fields of an account current inside the caller's transaction: the Dwyer phase (from its
/// interactions, unless overridden by hand) and the value tier (from the tenant's rules, unless set by hand). A phase
/// change is appended to the phase history and published as RelationshipPhaseChanged in the same transaction.
/// </summary>
public sealed class AccountDerivation(Outbox outbox)
{
    /// <summary>Who changes what the service derives on its own (the scheduled re-evaluation).</summary>
    public const string ServiceUser = "service:customers";

    /// <summary>Derives the account from its interactions and the tenant's rules, read in one round trip.</summary>
    public async Task<DerivedAccount> DeriveAsync(
        NpgsqlTransaction transaction, Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inputs = await DerivationReads.ReadAsync(transaction, account.TenantId, account.Id, cancellationToken);
        return Derive(account, inputs.Signals, inputs.Rules.Rules, now);
    }

    public static DerivedAccount Derive(
        Account account, IReadOnlyList<InteractionSignal> signals, IReadOnlyList<ValueTierRule> rules, DateTimeOffset now)
    {
        var tiered = ValueTierRules.Apply(account, rules, ValueTierFacts.Of(signals, now));
        if (account.PhaseOverride)
        {
            return new DerivedAccount(tiered, PhaseChange.Manual);
        }

        var decision = RelationshipPhaseRules.Derive(signals, account.Commitment?.IsCommitted == true, now);
        return new DerivedAccount(tiered with { Phase = decision.Phase }, decision.Reason);
    }

    /// <summary>Re-derives a locked account and writes what changed (row, field history, events).</summary>
    public async Task<Account> RefreshAsync(
        NpgsqlTransaction transaction, Account locked, string changedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        await WriteAsync(transaction, locked, await DeriveAsync(transaction, locked, now, cancellationToken), changedBy, now, cancellationToken);

    /// <summary>Writes a derived account over <paramref name="before"/> when anything changed; returns the current account.</summary>
    public async Task<Account> WriteAsync(
        NpgsqlTransaction transaction, Account before, DerivedAccount derived, string changedBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var write = Write(before, derived, changedBy, now);
        await Sql.ExecuteAsync(transaction, write.Commands, cancellationToken);
        return write.After;
    }

    /// <summary>
    /// The statements that write a derived account over <paramref name="before"/> (row, field history, CustomerUpdated and
    /// any phase change), for the caller's batch: none when nothing changed.
    /// </summary>
    public AccountWrite Write(Account before, DerivedAccount derived, string changedBy, DateTimeOffset now)
    {
        var after = derived.Account with { Version = before.Version + 1, UpdatedAt = now };
        var changes = FieldChanges.Between(before, after);
        if (changes.Count == 0)
        {
            return new AccountWrite(before, []);
        }

        List<NpgsqlBatchCommand> commands =
        [
            AccountRows.Update(after),
            AuditLog.Insert(after.TenantId, after, after.Version, changes, changedBy, now),
            outbox.Insert(new CustomerUpdated(
                after.Id, after.TenantId, changes.Select(c => c.Field).ToList(), after.Version, changedBy, now)),
            .. PhaseChangeCommands(before, after, derived.PhaseReason, changedBy, now),
        ];
        return new AccountWrite(after, commands);
    }

    /// <summary>Appends the phase change to the history and publishes it, when the phase changed.</summary>
    public async Task RecordPhaseChangeAsync(
        NpgsqlTransaction transaction, Account before, Account after, string reason, string changedBy, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(transaction, PhaseChangeCommands(before, after, reason, changedBy, now), cancellationToken);

    private List<NpgsqlBatchCommand> PhaseChangeCommands(
        Account before, Account after, string reason, string changedBy, DateTimeOffset now) =>
        after.Phase == before.Phase
            ? []
            :
            [
                PhaseChangeRows.Append(after.TenantId, new PhaseChange(0, after.Id, before.Phase, after.Phase, reason, changedBy, now)),
                outbox.Insert(new RelationshipPhaseChanged(
                    after.Id, after.TenantId, before.Phase.ToString(), after.Phase.ToString(), reason, changedBy, now)),
            ];
}

/// <summary>An account after a derived write, and the statements that write it.</summary>
public sealed record AccountWrite(Account After, IReadOnlyList<NpgsqlBatchCommand> Commands);
