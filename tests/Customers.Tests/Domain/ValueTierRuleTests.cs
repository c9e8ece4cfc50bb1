using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Tests.Domain;

public sealed class ValueTierRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly ValueTierFacts Quiet = new(0, 0);

    private static readonly Account Acme = new(
        Guid.CreateVersion7(), "t1", AccountKind.Company, "Acme", null, null, null, new Ownership("me", "north"), ["vip"],
        RelationshipPhase.Awareness, 1, Now, Now,
        new Dictionary<string, CustomFieldValue> { ["annual_revenue"] = new(CustomFieldType.Number, "2500000") }, null);

    private static ValueTierRule Rule(ValueTier tier, string? tag = null, string? key = null, double min = 0, int purchases = 0,
        int interactions = 0, AccountKind? kind = null) => new(tier, tag, key, min, purchases, interactions, kind);

    [Fact]
    public void The_first_matching_rule_sets_the_tier_and_names_itself_as_the_source()
    {
        ValueTierRule[] rules = [Rule(ValueTier.Top, tag: "strategic"), Rule(ValueTier.High, key: "annual_revenue", min: 1_000_000), Rule(ValueTier.Low)];

        var tiered = ValueTierRules.Apply(Acme, rules, Quiet);

        Assert.Equal((ValueTier.High, "rule:1"), (tiered.ValueTier, tiered.ValueTierSource));
    }

    [Fact]
    public void No_matching_rule_leaves_no_tier()
    {
        var tiered = ValueTierRules.Apply(Acme with { ValueTier = ValueTier.Top, ValueTierSource = "rule:0" },
            [Rule(ValueTier.Top, kind: AccountKind.Consumer)], Quiet);

        Assert.Null(tiered.ValueTier);
        Assert.Null(tiered.ValueTierSource);
    }

    [Fact]
    public void A_tier_set_by_hand_is_never_overwritten()
    {
        var manual = Acme with { ValueTier = ValueTier.Low, ValueTierSource = ValueTierRules.Manual };

        Assert.Same(manual, ValueTierRules.Apply(manual, [Rule(ValueTier.Top)], Quiet));
    }

    [Fact]
    public void Every_set_condition_of_a_rule_must_hold()
    {
        var rule = Rule(ValueTier.Top, tag: "vip", purchases: 2, interactions: 5, kind: AccountKind.Company);

        Assert.True(rule.Matches(Acme, new ValueTierFacts(2, 5)));
        Assert.False(rule.Matches(Acme, new ValueTierFacts(1, 5)));
        Assert.False(rule.Matches(Acme, new ValueTierFacts(2, 4)));
        Assert.False(rule.Matches(Acme with { Tags = [] }, new ValueTierFacts(2, 5)));
        Assert.False(Rule(ValueTier.Top, key: "employees", min: 1).Matches(Acme, Quiet));
    }

    [Fact]
    public void Facts_count_purchases_of_the_last_year_and_interactions_of_the_last_90_days()
    {
        InteractionSignal[] signals =
        [
            new(Now.AddDays(-10), InteractionDirection.Inbound, null, InteractionOutcome.Purchased),
            new(Now.AddDays(-200), null, InteractionPurpose.Purchase, null),
            new(Now.AddDays(-400), null, null, InteractionOutcome.Purchased),
            new(Now.AddDays(-30), InteractionDirection.Outbound, null, InteractionOutcome.NotReached),
        ];

        Assert.Equal(new ValueTierFacts(2, 2), ValueTierFacts.Of(signals, Now));
    }

    [Fact]
    public void Invalid_rules_are_refused_naming_the_rule_and_field()
    {
        var numberFields = new HashSet<string> { "annual_revenue" };

        void Refused(string field, params ValueTierRule[] rules) =>
            Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => ValueTierRules.Validate(rules, numberFields, "rules")).Field);

        Refused("rules[1].custom_field_key", Rule(ValueTier.Low), Rule(ValueTier.Top, key: "industry"));
        Refused("rules[0].min_number", Rule(ValueTier.Top, min: 5));
        Refused("rules[0].min_purchases_last_year", Rule(ValueTier.Top, purchases: -1));
        Refused("rules[0].min_interactions_last_90_days", Rule(ValueTier.Top, interactions: -1));
        Refused("rules", Enumerable.Repeat(Rule(ValueTier.Low), 51).ToArray());
        Assert.Equal(50, ValueTierRules.Validate(Enumerable.Repeat(Rule(ValueTier.Low), 50).ToList(), numberFields, "rules").Count);
    }
}
