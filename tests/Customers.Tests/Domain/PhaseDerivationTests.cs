using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class PhaseDerivationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static InteractionSignal Inbound(int daysAgo) => new(Now.AddDays(-daysAgo), InteractionDirection.Inbound, null, null);

    private static InteractionSignal Outbound(int daysAgo, InteractionOutcome? outcome) =>
        new(Now.AddDays(-daysAgo), InteractionDirection.Outbound, InteractionPurpose.Sales, outcome);

    private static InteractionSignal Purchase(int daysAgo) => new(Now.AddDays(-daysAgo), null, null, InteractionOutcome.Purchased);

    private static PhaseDecision Derive(bool committed = false, params InteractionSignal[] signals) =>
        RelationshipPhaseRules.Derive(signals, committed, Now);

    [Fact]
    public void An_account_without_two_way_contact_stays_in_awareness()
    {
        Assert.Equal(RelationshipPhaseRules.Start, Derive());
        Assert.Equal(RelationshipPhase.Awareness, Derive(false, Outbound(3, InteractionOutcome.NotReached), Outbound(1, null)).Phase);
    }

    [Fact]
    public void The_first_inbound_or_engaged_interaction_starts_exploration()
    {
        Assert.Equal(new PhaseDecision(RelationshipPhase.Exploration, "first inbound interaction"), Derive(false, Inbound(2)));
        Assert.Equal(new PhaseDecision(RelationshipPhase.Exploration, "first two-way interaction"),
            Derive(false, Outbound(2, InteractionOutcome.Interested)));
    }

    [Fact]
    public void The_first_purchase_means_expansion_whether_by_outcome_or_by_purpose()
    {
        var byPurpose = new InteractionSignal(Now.AddDays(-1), InteractionDirection.Inbound, InteractionPurpose.Purchase, null);

        Assert.Equal(new PhaseDecision(RelationshipPhase.Expansion, "first purchase"), Derive(false, Inbound(10), Purchase(1)));
        Assert.Equal(RelationshipPhase.Expansion, Derive(false, byPurpose).Phase);
    }

    [Fact]
    public void A_purchase_purpose_with_a_contrary_outcome_is_no_purchase()
    {
        var declined = new InteractionSignal(Now.AddDays(-1), InteractionDirection.Outbound, InteractionPurpose.Purchase, InteractionOutcome.NotInterested);

        Assert.Equal(RelationshipPhase.Awareness, Derive(false, declined).Phase);
    }

    [Fact]
    public void Three_purchases_within_a_year_mean_commitment_but_not_spread_over_two_years()
    {
        Assert.Equal(new PhaseDecision(RelationshipPhase.Commitment, "3 purchases in 365 days"),
            Derive(false, Purchase(300), Purchase(100), Purchase(5)));
        Assert.Equal(RelationshipPhase.Expansion, Derive(false, Purchase(700), Purchase(400), Purchase(10)).Phase);
    }

    [Fact]
    public void Two_purchases_by_a_committed_customer_mean_commitment()
    {
        Assert.Equal(new PhaseDecision(RelationshipPhase.Commitment, "2 purchases in 365 days by a committed customer"),
            Derive(true, Purchase(60), Purchase(5)));
        Assert.Equal(RelationshipPhase.Expansion, Derive(false, Purchase(60), Purchase(5)).Phase);
    }

    [Fact]
    public void A_cancellation_means_dissolution()
    {
        var cancelled = new InteractionSignal(Now.AddDays(-1), InteractionDirection.Inbound, InteractionPurpose.Service, InteractionOutcome.Cancelled);

        Assert.Equal(new PhaseDecision(RelationshipPhase.Dissolution, "cancelled"), Derive(false, Purchase(30), cancelled));
    }

    [Fact]
    public void Half_a_year_without_interaction_after_exploration_means_dissolution()
    {
        Assert.Equal(new PhaseDecision(RelationshipPhase.Dissolution, "no interaction for 180 days"), Derive(false, Inbound(180)));
        Assert.Equal(RelationshipPhase.Exploration, Derive(false, Inbound(179)).Phase);
        Assert.Equal(RelationshipPhase.Awareness, Derive(false, Outbound(400, InteractionOutcome.NotReached)).Phase);
    }

    [Fact]
    public void Contact_after_dissolution_starts_the_relationship_again()
    {
        Assert.Equal(new PhaseDecision(RelationshipPhase.Exploration, "two-way contact after dissolution"),
            Derive(false, Inbound(500), Inbound(10)));
        Assert.Equal(new PhaseDecision(RelationshipPhase.Expansion, "purchase after dissolution"),
            Derive(false, Purchase(500), Purchase(10)));
    }

    [Fact]
    public void The_order_in_which_interactions_were_recorded_does_not_matter()
    {
        var signals = new[] { Purchase(5), Inbound(40), Purchase(100), Outbound(20, InteractionOutcome.Reached), Purchase(200) };

        Assert.Equal(Derive(false, signals), RelationshipPhaseRules.Derive(signals.Reverse(), false, Now));
        Assert.Equal(RelationshipPhase.Commitment, Derive(false, signals).Phase);
    }
}
