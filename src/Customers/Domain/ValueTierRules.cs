using System.Globalization;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// One value-tier rule: it matches an account when all of its set conditions hold (a rule without conditions matches
/// every account). <see cref="MinNumber"/> applies to the number custom field <see cref="CustomFieldKey"/>.
/// </summary>
public sealed record ValueTierRule(
    ValueTier Tier,
    string? Tag,
    string? CustomFieldKey,
    double MinNumber,
    int MinPurchasesLastYear,
    int MinInteractionsLast90Days,
    AccountKind? Kind)
{
    public bool Matches(Account account, ValueTierFacts facts) =>
        (Tag is null || account.Tags.Contains(Tag))
        && (Kind is null || account.Kind == Kind)
        && (CustomFieldKey is null || NumberOf(account, CustomFieldKey) >= MinNumber)
        && facts.PurchasesLastYear >= MinPurchasesLastYear
        && facts.InteractionsLast90Days >= MinInteractionsLast90Days;

    private static double? NumberOf(Account account, string key) =>
        account.CustomFields.TryGetValue(key, out var value) && value.Type == CustomFieldType.Number
            ? double.Parse(value.Value, CultureInfo.InvariantCulture)
            : null;
}

/// <summary>What the rules know of an account's activity besides its fields.</summary>
public sealed record ValueTierFacts(int PurchasesLastYear, int InteractionsLast90Days)
{
    public static readonly TimeSpan PurchaseWindow = TimeSpan.FromDays(365);
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromDays(90);

    /// <summary>The facts of an account with no interactions.</summary>
    public static readonly ValueTierFacts None = new(0, 0);

    public static ValueTierFacts Of(IEnumerable<InteractionSignal> signals, DateTimeOffset now)
    {
        var list = signals.ToList();
        return new ValueTierFacts(
            list.Count(s => s.IsPurchase && now - s.OccurredAt < PurchaseWindow),
            list.Count(s => now - s.OccurredAt < ActivityWindow));
    }
}

/// <summary>
/// IDIC "differentiate": a tenant's value-tier rules, in priority order. The first matching rule sets an account's tier
/// (source "rule:&lt;index&gt;"); no match leaves it without a tier. A tier set by hand (source "manual") is never
/// overwritten by rules.
/// </summary>
public static class ValueTierRules
{
    public const int MaxRules = 50;
    public const string Manual = "manual";
    public const string RulePrefix = "rule:";

    /// <param name="numberFields">The keys of the tenant's number custom fields for accounts.</param>
    public static IReadOnlyList<ValueTierRule> Validate(IReadOnlyList<ValueTierRule> rules, IReadOnlySet<string> numberFields, string field)
    {
        if (rules.Count > MaxRules)
        {
            throw new InvalidFieldException(field, $"must have at most {MaxRules} rules.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"{field}[{i}]";
            if (rule.CustomFieldKey is { } key && !numberFields.Contains(key))
            {
                throw new InvalidFieldException($"{path}.custom_field_key", $"'{key}' is not a number custom field of accounts.");
            }

            if (rule.CustomFieldKey is null && rule.MinNumber != 0)
            {
                throw new InvalidFieldException($"{path}.min_number", "needs custom_field_key.");
            }

            if (!double.IsFinite(rule.MinNumber))
            {
                throw new InvalidFieldException($"{path}.min_number", "must be a finite number.");
            }

            if (rule.MinPurchasesLastYear < 0)
            {
                throw new InvalidFieldException($"{path}.min_purchases_last_year", "must not be negative.");
            }

            if (rule.MinInteractionsLast90Days < 0)
            {
                throw new InvalidFieldException($"{path}.min_interactions_last_90_days", "must not be negative.");
            }
        }

        return rules;
    }

    /// <summary>The account with the tier its rules give it, unless its tier was set by hand.</summary>
    public static Account Apply(Account account, IReadOnlyList<ValueTierRule> rules, ValueTierFacts facts)
    {
        if (account.ValueTierSource == Manual)
        {
            return account;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Matches(account, facts))
            {
                return account with { ValueTier = rules[i].Tier, ValueTierSource = RulePrefix + i.ToString(CultureInfo.InvariantCulture) };
            }
        }

        return account with { ValueTier = null, ValueTierSource = null };
    }
}

/// <summary>
/// A tenant's value-tier rules, when they were last replaced (null: never) and their version, which each replacement
/// increases (0: never).
/// </summary>
public sealed record ValueTierRuleSet(IReadOnlyList<ValueTierRule> Rules, DateTimeOffset? UpdatedAt, long Version)
{
    public static readonly ValueTierRuleSet None = new([], null, 0);
}
