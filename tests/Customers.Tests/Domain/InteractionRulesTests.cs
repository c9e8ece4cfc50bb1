using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class InteractionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Notes_keep_their_line_breaks_but_not_other_control_characters()
    {
        Assert.Equal("first line\nsecond line", InteractionRules.Notes("  first line\r\nsecond line \n", "notes"));
        Assert.Null(InteractionRules.Notes(" \n ", "notes"));
        Assert.Equal("notes", Assert.Throws<InvalidFieldException>(() => InteractionRules.Notes("bell\u0007", "notes")).Field);
    }

    [Fact]
    public void An_interaction_happened_now_unless_told_otherwise_and_never_in_the_future()
    {
        Assert.Equal(Now, InteractionRules.OccurredAt(null, Now, "occur_time"));
        Assert.Equal(Now.AddDays(-3), InteractionRules.OccurredAt(Now.AddDays(-3), Now, "occur_time"));
        Assert.Equal(Now.AddSeconds(30), InteractionRules.OccurredAt(Now.AddSeconds(30), Now, "occur_time"));
        Assert.Throws<InvalidFieldException>(() => InteractionRules.OccurredAt(Now.AddHours(1), Now, "occur_time"));
    }

    [Fact]
    public void Purchases_and_two_way_contact_are_read_from_direction_purpose_and_outcome()
    {
        var outboundNotReached = new InteractionSignal(Now, InteractionDirection.Outbound, InteractionPurpose.Sales, InteractionOutcome.NotReached);
        var purchaseCall = new InteractionSignal(Now, InteractionDirection.Outbound, InteractionPurpose.Purchase, null);

        Assert.False(outboundNotReached.IsTwoWay);
        Assert.False(outboundNotReached.IsPurchase);
        Assert.True(purchaseCall.IsPurchase);
        Assert.True(purchaseCall.IsTwoWay);
        Assert.True(new InteractionSignal(Now, InteractionDirection.Inbound, null, null).IsTwoWay);
    }
}
