using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps the 360° view, phase history, contact policy and value-tier rules.</summary>
internal static class Customer360Mapping
{
    public static Proto.Customer360 ToProto(Customer360 view) => new()
    {
        Account = AccountMapping.ToProto(view.Account),
        Contacts = { view.Contacts.Select(ContactMapping.ToProto) },
        Relationships = { view.Relationships.Select(RelationshipMapping.ToProto) },
        Timeline = { view.Timeline.Select(InteractionMapping.ToProto) },
        OpenFollowUps = { view.OpenFollowUps.Select(InteractionMapping.ToProto) },
        Consents =
        {
            view.Contacts.Select(contact => new Proto.ContactConsent
            {
                Contact = contact.ResourceName,
                Current = { view.Consents.GetValueOrDefault(contact.Id, []).Select(ConsentMapping.ToProto) },
            }),
        },
        PhaseHistory = { view.PhaseHistory.Select(ToProto) },
        InteractionCount = view.InteractionCount,
        LastInteractionTime = view.LastInteractionAt is { } last ? Fields.Time(last) : null,
    };

    public static Proto.PhaseChange ToProto(PhaseChange change) => new()
    {
        FromPhase = (Proto.RelationshipPhase)change.From,
        ToPhase = (Proto.RelationshipPhase)change.To,
        Reason = change.Reason,
        ChangedBy = change.ChangedBy,
        ChangeTime = Fields.Time(change.ChangedAt),
    };

    public static int TimelineSize(int requested) => requested switch
    {
        < 0 => throw new InvalidFieldException("timeline_size", "must not be negative."),
        0 => Customer360Operations.DefaultTimelineSize,
        > Customer360Operations.MaxTimelineSize => Customer360Operations.MaxTimelineSize,
        _ => requested,
    };

    public static Proto.ContactPolicy ToProto(ContactPolicy policy) => new()
    {
        RepeatedContactWindow = Duration.FromTimeSpan(policy.RepeatedContactWindow),
        RepeatedContactThreshold = policy.RepeatedContactThreshold,
    };

    private static readonly string[] PolicyPaths = ["repeated_contact_window", "repeated_contact_threshold"];

    /// <summary>The fields of <c>policy</c> that <c>update_mask</c> names (every populated one when it is empty).</summary>
    public static ContactPolicyChange ToPolicyChange(Proto.UpdateContactPolicyRequest request)
    {
        var policy = request.Policy ?? throw new InvalidFieldException("policy", "is required.");
        var paths = request.UpdateMask is { Paths.Count: > 0 } mask
            ? mask.Paths.ToHashSet(StringComparer.Ordinal)
            : PolicyPaths.Where(path => path == PolicyPaths[0] ? policy.RepeatedContactWindow is not null : policy.RepeatedContactThreshold != 0).ToHashSet(StringComparer.Ordinal);
        if (paths.FirstOrDefault(path => !PolicyPaths.Contains(path)) is { } unknown)
        {
            throw new InvalidFieldException("update_mask", $"'{unknown}' cannot be updated; updatable fields are {string.Join(", ", PolicyPaths)}.");
        }

        TimeSpan? window;
        try
        {
            window = policy.RepeatedContactWindow?.ToTimeSpan();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidFieldException("policy.repeated_contact_window", "is not a valid duration.");
        }

        return new ContactPolicyChange(paths.Contains(PolicyPaths[0]), window, paths.Contains(PolicyPaths[1]), policy.RepeatedContactThreshold);
    }

    public static Proto.ValueTierRules ToProto(ValueTierRuleSet rules) => new()
    {
        Rules =
        {
            rules.Rules.Select(rule => new Proto.ValueTierRule
            {
                Tier = (Proto.ValueTier)rule.Tier,
                Tag = rule.Tag ?? "",
                CustomFieldKey = rule.CustomFieldKey ?? "",
                MinNumber = rule.MinNumber,
                MinPurchasesLastYear = rule.MinPurchasesLastYear,
                MinInteractionsLast90Days = rule.MinInteractionsLast90Days,
                Kind = (Proto.AccountKind)(rule.Kind ?? 0),
            }),
        },
        UpdateTime = rules.UpdatedAt is { } updated ? Fields.Time(updated) : null,
    };

    public static IReadOnlyList<ValueTierRule> ToRules(IList<Proto.ValueTierRule> rules) =>
        rules.Select((rule, index) =>
        {
            var field = $"rules[{index}]";
            var tier = rule.Tier != Proto.ValueTier.Unspecified && System.Enum.IsDefined((ValueTier)rule.Tier)
                ? (ValueTier)rule.Tier
                : throw new InvalidFieldException($"{field}.tier", "is required: low, medium, high or top.");
            AccountKind? kind = rule.Kind == Proto.AccountKind.Unspecified ? null
                : System.Enum.IsDefined((AccountKind)rule.Kind) ? (AccountKind)rule.Kind
                : throw new InvalidFieldException($"{field}.kind", $"{(int)rule.Kind} is not an account kind.");
            return new ValueTierRule(tier,
                TextRules.OptionalText(rule.Tag, $"{field}.tag", TextRules.MaxTagLength)?.ToLowerInvariant(),
                TextRules.OptionalText(rule.CustomFieldKey, $"{field}.custom_field_key", TextRules.MaxTagLength),
                rule.MinNumber, rule.MinPurchasesLastYear, rule.MinInteractionsLast90Days, kind);
        }).ToList();
}
