namespace CrmPlatform.Customers.Domain;

/// <summary>A person at (or being) an account. Field values are already normalised.</summary>
public sealed record Contact(
    Guid Id,
    string TenantId,
    Guid AccountId,
    string? GivenName,
    string? FamilyName,
    string? Email,
    string? Phone,
    string? JobTitle,
    Ownership Ownership,
    IReadOnlyList<string> Tags,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, CustomFieldValue> CustomFields,
    PostalAddress? Address,
    ContactChannel? PreferredChannel = null,
    ContactTimes? ContactTimes = null) : IAuditable, ISortable
{
    public const string ResourcePrefix = "contacts/";

    /// <summary>What lists of contacts can be sorted by (<see cref="RecordOrder"/>).</summary>
    public static readonly IReadOnlyList<RecordSortKey> SortKeys =
        [RecordSortKey.GivenName, RecordSortKey.FamilyName, RecordSortKey.CreateTime, RecordSortKey.UpdateTime];

    public string ResourceName => ResourcePrefix + Id;

    public string Etag => Etags.Of(Version);

    public string FullName => string.Join(' ', new[] { GivenName, FamilyName }.Where(n => n is not null));

    public string SortName(RecordSortKey key) => (key == RecordSortKey.GivenName ? GivenName : FamilyName) ?? "";

    public PartyProfile ProfileWith(string? accountDomain) => PartyProfile.Of(FullName, Email, Phone, accountDomain);

    /// <summary>The contacts merged into this one, which keep resolving to it.</summary>
    public IReadOnlyList<Guid> MergedIds { get; init; } = [];

    public IReadOnlyDictionary<string, string?> AuditValues => new Dictionary<string, string?>(CustomFieldRules.AuditValues(CustomFields))
    {
        ["account"] = Account.ResourcePrefix + AccountId,
        ["given_name"] = GivenName,
        ["family_name"] = FamilyName,
        ["email"] = Email,
        ["phone"] = Phone,
        ["job_title"] = JobTitle,
        ["owner_user_id"] = Ownership.OwnerUserId,
        ["team"] = Ownership.Team,
        ["tags"] = Tags.Count == 0 ? null : string.Join(",", Tags),
        ["address"] = Address?.SingleLine,
        ["preferred_channel"] = PreferredChannel?.ToString(),
        ["contact_times"] = ContactTimes?.SingleLine,
    };
}
