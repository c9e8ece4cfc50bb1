using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>What deriving an account's phase and value tier reads: its interactions' signals and the tenant's rules.</summary>
internal sealed record DerivationInputs(List<InteractionSignal> Signals, ValueTierRuleSet Rules);

/// <summary>
/// The reads of a derivation in one round trip, after the account is locked: the account's signals and the tenant's
/// value-tier rules, and for an outbound interaction being recorded also the tenant's contact policy and the earlier
/// attempts in its window.
/// </summary>
internal static class DerivationReads
{
    public static async Task<DerivationInputs> ReadAsync(
        NpgsqlTransaction transaction, string tenantId, Guid accountId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands = { InteractionRows.Signals(tenantId, accountId), ValueTierRuleRows.Select(tenantId) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadInputsAsync(reader, cancellationToken);
    }

    /// <returns>
    /// The inputs, and the earlier attempts to report for an outbound attempt at <paramref name="occurredAt"/> (see
    /// <see cref="ContactPolicy.RepeatedAttempts"/>).
    /// </returns>
    public static async Task<(DerivationInputs Inputs, IReadOnlyList<Guid> RepeatedAttempts)> ReadForOutboundAsync(
        NpgsqlTransaction transaction, string tenantId, Guid accountId, Guid? contactId, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                ContactPolicyRows.Select(tenantId),
                // The tenant's window is read in the same round trip, so the attempts are read for the longest one a
                // policy may have and those in the tenant's window kept.
                InteractionRows.OutboundAttempts(tenantId, accountId, contactId, occurredAt - ContactPolicy.MaxWindow, occurredAt),
                InteractionRows.Signals(tenantId, accountId),
                ValueTierRuleRows.Select(tenantId),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var policy = await ContactPolicyRows.ReadAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var windowStart = policy.WindowStart(occurredAt);
        var inWindow = (await InteractionRows.ReadAttemptsAsync(reader, cancellationToken))
            .Where(attempt => attempt.OccurredAt >= windowStart).Select(attempt => attempt.Id).ToList();
        await reader.NextResultAsync(cancellationToken);
        return (await ReadInputsAsync(reader, cancellationToken), policy.RepeatedAttempts(inWindow));
    }

    /// <summary>Reads the signals at the reader's current result and the rules at the next.</summary>
    private static async Task<DerivationInputs> ReadInputsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var signals = await InteractionRows.ReadSignalsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return new DerivationInputs(signals, await ValueTierRuleRows.ReadAsync(reader, cancellationToken));
    }
}
