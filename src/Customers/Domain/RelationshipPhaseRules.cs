namespace CrmPlatform.Customers.Domain;

/// <summary>A derived relationship phase and the signal that moved the account into it.</summary>
public sealed record PhaseDecision(RelationshipPhase Phase, string Reason);

/// <summary>
/// Derives Dwyer's relationship phase from an account's interactions, replayed oldest first:
/// awareness until the first two-way contact; exploration from the first inbound interaction or the first outbound
/// one that reached an engaged customer; expansion from the first purchase (outcome purchased, or purpose purchase);
/// commitment from 3 purchases within 365 days, or 2 by a customer whose Hofmeyr segment is committed; dissolution on
/// a cancellation, or when 180 days pass without any interaction once exploration began. After dissolution a purchase
/// means expansion again and any other two-way contact exploration again.
/// </summary>
public static class RelationshipPhaseRules
{
    public const int CommitmentPurchases = 3;
    public const int CommittedCustomerPurchases = 2;
    public const string NoTwoWayContact = "no two-way contact yet";
    public const string FirstInbound = "first inbound interaction";
    public const string FirstTwoWay = "first two-way interaction";
    public const string FirstPurchase = "first purchase";
    public const string ThreePurchases = "3 purchases in 365 days";
    public const string CommittedPurchases = "2 purchases in 365 days by a committed customer";
    public const string Cancelled = "cancelled";
    public const string Inactive = "no interaction for 180 days";
    public const string RenewedContact = "two-way contact after dissolution";
    public const string RenewedPurchase = "purchase after dissolution";

    public static readonly TimeSpan DissolutionAfter = TimeSpan.FromDays(180);
    public static readonly TimeSpan PurchaseWindow = TimeSpan.FromDays(365);

    public static readonly PhaseDecision Start = new(RelationshipPhase.Awareness, NoTwoWayContact);

    /// <param name="signals">The account's interactions, in any order.</param>
    /// <param name="committed">Whether the account's commitment segment is a committed one (entrenched or average).</param>
    /// <param name="now">The time the time-based dissolution rule is evaluated at.</param>
    public static PhaseDecision Derive(IEnumerable<InteractionSignal> signals, bool committed, DateTimeOffset now)
    {
        var decision = Start;
        var purchases = new RecentPurchases();
        DateTimeOffset? last = null;
        foreach (var signal in signals.OrderBy(s => s.OccurredAt))
        {
            if (last is { } previous && IsActive(decision.Phase) && signal.OccurredAt - previous >= DissolutionAfter)
            {
                decision = new PhaseDecision(RelationshipPhase.Dissolution, Inactive);
            }

            decision = Next(decision, signal, purchases, committed);
            last = signal.OccurredAt;
        }

        if (last is { } latest && IsActive(decision.Phase) && now - latest >= DissolutionAfter)
        {
            return new PhaseDecision(RelationshipPhase.Dissolution, Inactive);
        }

        return decision.Phase == RelationshipPhase.Expansion && committed
            && purchases.CountAt(now) >= CommittedCustomerPurchases
                ? new PhaseDecision(RelationshipPhase.Commitment, CommittedPurchases)
                : decision;
    }

    /// <summary>Phases the time-based dissolution rule applies to: exploration has begun and nothing ended it yet.</summary>
    public static bool IsActive(RelationshipPhase phase) =>
        phase is RelationshipPhase.Exploration or RelationshipPhase.Expansion or RelationshipPhase.Commitment;

    private static PhaseDecision Next(PhaseDecision current, InteractionSignal signal, RecentPurchases purchases, bool committed)
    {
        if (signal.Outcome == InteractionOutcome.Cancelled)
        {
            return current.Phase == RelationshipPhase.Dissolution ? current : new PhaseDecision(RelationshipPhase.Dissolution, Cancelled);
        }

        if (signal.IsPurchase)
        {
            var recent = purchases.Add(signal.OccurredAt);
            return current.Phase switch
            {
                RelationshipPhase.Commitment => current,
                _ when recent >= CommitmentPurchases => new PhaseDecision(RelationshipPhase.Commitment, ThreePurchases),
                _ when recent >= CommittedCustomerPurchases && committed => new PhaseDecision(RelationshipPhase.Commitment, CommittedPurchases),
                RelationshipPhase.Dissolution => new PhaseDecision(RelationshipPhase.Expansion, RenewedPurchase),
                RelationshipPhase.Expansion => current,
                _ => new PhaseDecision(RelationshipPhase.Expansion, FirstPurchase),
            };
        }

        if (!signal.IsTwoWay)
        {
            return current;
        }

        return current.Phase switch
        {
            RelationshipPhase.Awareness => new PhaseDecision(RelationshipPhase.Exploration,
                signal.Direction == InteractionDirection.Inbound ? FirstInbound : FirstTwoWay),
            RelationshipPhase.Dissolution => new PhaseDecision(RelationshipPhase.Exploration, RenewedContact),
            _ => current,
        };
    }

    /// <summary>
    /// The purchases replayed so far, oldest first, and how many fall in the <see cref="PurchaseWindow"/> before a time:
    /// a sliding window, so that replaying an account with many purchases stays linear.
    /// </summary>
    private sealed class RecentPurchases
    {
        private readonly List<DateTimeOffset> _times = [];
        private int _firstInWindow;

        /// <summary>Adds a purchase no older than the previous one; returns the purchases in the window ending at it.</summary>
        public int Add(DateTimeOffset time)
        {
            _times.Add(time);
            while (time - _times[_firstInWindow] >= PurchaseWindow)
            {
                _firstInWindow++;
            }

            return _times.Count - _firstInWindow;
        }

        public int CountAt(DateTimeOffset end) => _times.Count(time => time <= end && end - time < PurchaseWindow);
    }
}

/// <summary>One entry of an account's phase history: derived (with the signal that caused it) or "manual".</summary>
public sealed record PhaseChange(
    long Sequence, Guid AccountId, RelationshipPhase From, RelationshipPhase To, string Reason, string ChangedBy, DateTimeOffset ChangedAt)
{
    public const string Manual = "manual";
}
