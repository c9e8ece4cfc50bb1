namespace CrmPlatform.Customers.Domain;

public enum AccountKind
{
    Company = 1,
    Consumer = 2,
    Household = 3,
}

/// <summary>Dwyer's phases of a customer relationship.</summary>
public enum RelationshipPhase
{
    Awareness = 1,
    Exploration = 2,
    Expansion = 3,
    Commitment = 4,
    Dissolution = 5,
}

/// <summary>
/// A customer: a company, or an individual consumer. Field values are already normalised. <see cref="Phase"/> is derived
/// from interactions unless <see cref="PhaseOverride"/>; <see cref="ValueTierSource"/> says what set the value tier.
/// </summary>
public sealed record Account(
    Guid Id,
    string TenantId,
    AccountKind Kind,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Domain,
    Ownership Ownership,
    IReadOnlyList<string> Tags,
    RelationshipPhase Phase,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, CustomFieldValue> CustomFields,
    PostalAddress? Address,
    Commitment? Commitment = null,
    ValueTier? ValueTier = null,
    bool PhaseOverride = false,
    string? ValueTierSource = null) : IAuditable, ISortable
{
    public const string ResourcePrefix = "accounts/";

    /// <summary>What lists of accounts can be sorted by (<see cref="RecordOrder"/>).</summary>
    public static readonly IReadOnlyList<RecordSortKey> SortKeys = [RecordSortKey.DisplayName, RecordSortKey.CreateTime, RecordSortKey.UpdateTime];

    public string ResourceName => ResourcePrefix + Id;

    public string Etag => Etags.Of(Version);

    public PartyProfile Profile => PartyProfile.Of(DisplayName, Email, Phone, Domain);

    public string SortName(RecordSortKey key) => DisplayName;

    /// <summary>The accounts merged into this one, which keep resolving to it.</summary>
    public IReadOnlyList<Guid> MergedIds { get; init; } = [];

    public IReadOnlyDictionary<string, string?> AuditValues => new Dictionary<string, string?>(CustomFieldRules.AuditValues(CustomFields))
    {
        ["kind"] = Kind.ToString(),
        ["display_name"] = DisplayName,
        ["email"] = Email,
        ["phone"] = Phone,
        ["domain"] = Domain,
        ["owner_user_id"] = Ownership.OwnerUserId,
        ["team"] = Ownership.Team,
        ["tags"] = Tags.Count == 0 ? null : string.Join(",", Tags),
        ["address"] = Address?.SingleLine,
        ["phase"] = Phase.ToString(),
        ["commitment.score"] = Commitment?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["commitment.segment"] = Commitment?.Segment.ToString(),
        ["value_tier"] = ValueTier?.ToString(),
        ["phase_override"] = PhaseOverride ? "true" : null,
        ["value_tier_source"] = ValueTierSource,
    };
}
