using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// The time-based part of the derived fields, which changes with no write to the account. Accounts of every tenant whose
/// derived phase is exploration, expansion or commitment and that had no interaction for 180 days are re-derived (to
/// dissolution); accounts whose tier the tenant's rules decide and that had a purchase or interaction leave the rules'
/// 365- or 90-day window are re-derived (their tier follows the counts down). Each account is re-derived in its own
/// transaction, with its history entry and events.
/// </summary>
public sealed class DerivationSweep(NpgsqlDataSource dataSource, AccountDerivation derivation, ILogger<DerivationSweep> logger)
{
    private const int BatchSize = 500;

    /// <returns>How many accounts changed phase.</returns>
    public async Task<int> DissolveInactiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inactiveSince = now - RelationshipPhaseRules.DissolutionAfter;
        var changed = 0;
        Guid? after = null;
        List<(string TenantId, Guid AccountId)> candidates;
        do
        {
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                candidates = await PhaseChangeRows.InactiveCandidatesAsync(connection, inactiveSince, after, BatchSize, cancellationToken);
            }

            foreach (var (tenantId, accountId) in candidates)
            {
                var refreshed = await RefreshAsync(tenantId, accountId, now, account => !account.PhaseOverride, cancellationToken);
                changed += refreshed is { } change && change.After.Phase != change.Before.Phase ? 1 : 0;
            }

            after = candidates.Count > 0 ? candidates[^1].AccountId : after;
        }
        while (candidates.Count == BatchSize);

        InteractionsLog.PhaseSweepDone(logger, now, changed);
        return changed;
    }

    /// <returns>How many accounts changed tier.</returns>
    public async Task<int> AgeValueTiersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<(string TenantId, DateTimeOffset AgedUntil)> tenants;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            tenants = await ValueTierRuleRows.WindowedTenantsAsync(connection, cancellationToken);
        }

        var changed = 0;
        foreach (var (tenantId, agedUntil) in tenants)
        {
            Guid? after = null;
            List<Guid> candidates;
            do
            {
                await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
                {
                    candidates = await ValueTierRuleRows.AgedAccountsAsync(connection, tenantId, agedUntil, now, after, BatchSize, cancellationToken);
                }

                foreach (var accountId in candidates)
                {
                    var refreshed = await RefreshAsync(
                        tenantId, accountId, now, account => account.ValueTierSource != ValueTierRules.Manual, cancellationToken);
                    changed += refreshed is { } change && change.After.ValueTier != change.Before.ValueTier ? 1 : 0;
                }

                after = candidates.Count > 0 ? candidates[^1] : after;
            }
            while (candidates.Count == BatchSize);

            await using var marking = await dataSource.OpenConnectionAsync(cancellationToken);
            await ValueTierRuleRows.MarkAgedAsync(marking, tenantId, now, cancellationToken);
        }

        InteractionsLog.TierAgingDone(logger, now, tenants.Count, changed);
        return changed;
    }

    /// <summary>
    /// Re-derives one account, locked, in a transaction of its own; null when it is gone or <paramref name="derived"/> says
    /// the field the sweep is for is set by hand on it.
    /// </summary>
    private async Task<(Account Before, Account After)?> RefreshAsync(
        string tenantId, Guid accountId, DateTimeOffset now, Func<Account, bool> derived, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await AccountRows.FindAsync(connection, transaction, tenantId, accountId, RowLock.Update, cancellationToken);
        if (account is null || !derived(account))
        {
            return null;
        }

        var refreshed = await derivation.RefreshAsync(transaction, account, AccountDerivation.ServiceUser, Sql.ToMicroseconds(now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (account, refreshed);
    }
}
