using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// The time-based part of the relationship phase: accounts of every tenant whose derived phase is exploration,
/// expansion or commitment and that had no interaction for 180 days are re-derived (to dissolution), each in its own
/// transaction with its history entry and RelationshipPhaseChanged.
/// </summary>
public sealed class PhaseSweep(NpgsqlDataSource dataSource, AccountDerivation derivation, ILogger<PhaseSweep> logger)
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
                changed += await RefreshAsync(tenantId, accountId, now, cancellationToken) ? 1 : 0;
            }

            after = candidates.Count > 0 ? candidates[^1].AccountId : after;
        }
        while (candidates.Count == BatchSize);

        InteractionsLog.PhaseSweepDone(logger, now, changed);
        return changed;
    }

    private async Task<bool> RefreshAsync(string tenantId, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await AccountRows.FindAsync(connection, transaction, tenantId, accountId, RowLock.Update, cancellationToken);
        if (account is null || account.PhaseOverride)
        {
            return false;
        }

        var refreshed = await derivation.RefreshAsync(transaction, account, AccountDerivation.ServiceUser, Sql.ToMicroseconds(now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refreshed.Phase != account.Phase;
    }
}
