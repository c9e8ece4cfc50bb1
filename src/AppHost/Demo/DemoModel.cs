using CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.AppHost.Demo;

/// <summary>A user the demo data names as owner or recorder; the seeder signs a token with their role and team.</summary>
public sealed record DemoUser(string Id, string Role, string Team);

/// <summary>A postal address: country (ISO 3166-1), postal code, state or county, city, street line.</summary>
public sealed record DemoAddress(string Country, string PostalCode, string Area, string City, string Street);

/// <summary>
/// A person on an account. <see cref="WorksFor"/> and <see cref="MemberOf"/> name other demo accounts by key (a
/// works-for and a household-member relationship); <see cref="ReportsTo"/> is the index of a contact of the same account.
/// </summary>
public sealed record DemoPerson(
    string GivenName,
    string FamilyName,
    string JobTitle,
    int? ReportsTo = null,
    string? WorksFor = null,
    string? MemberOf = null,
    ContactChannel PreferredChannel = ContactChannel.Unspecified,
    bool DecisionMaker = false);

/// <summary>
/// One account of the demo data set, with its contacts and the <see cref="Story"/> its interactions tell. The key is
/// stable: every request id of the account, its contacts and interactions is derived from it.
/// </summary>
public sealed record DemoAccount(
    string Key,
    AccountKind Kind,
    string DisplayName,
    DemoUser Owner,
    string? Domain,
    DemoAddress Address,
    DemoStory Story,
    IReadOnlyList<DemoPerson> Contacts)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The <c>industry</c> choice custom field (companies).</summary>
    public string? Industry { get; init; }

    /// <summary>The <c>annual_revenue</c> number custom field, in US dollars (companies).</summary>
    public double? AnnualRevenue { get; init; }

    /// <summary>The <c>employee_count</c> number custom field (companies).</summary>
    public double? Employees { get; init; }

    /// <summary>Answers to Hofmeyr's commitment questions, when the account was surveyed.</summary>
    public CommitmentAnswers? Commitment { get; init; }

    /// <summary>
    /// The switchboard's and the first contact's phones (other contacts have none), when given; else numbers made
    /// from the account's position (<see cref="DemoContactDetails.Phone"/>).
    /// </summary>
    public IReadOnlyList<string>? Phones { get; init; }

    /// <summary>Consent entries beyond the standard grants (see <see cref="DemoConsents"/>), by contact index.</summary>
    public IReadOnlyList<(int Contact, DemoConsent Consent)> ExtraConsents { get; init; } = [];
}

/// <summary>One entry of a contact's consent ledger.</summary>
public sealed record DemoConsent(ConsentPurpose Purpose, bool Granted, string Source);

/// <summary>What happened with an account, from which its interactions (and so its derived Dwyer phase) follow.</summary>
public enum DemoStory
{
    /// <summary>Only saw our ads and ignored an email: awareness.</summary>
    Prospect,

    /// <summary>Two-way contact but no purchase yet: exploration (with repeated call attempts).</summary>
    Exploring,

    /// <summary>A first purchase: expansion.</summary>
    FirstPurchase,

    /// <summary>Three purchases within a year: commitment.</summary>
    Loyal,

    /// <summary>Bought, complained, cancelled: dissolution.</summary>
    Cancelled,

    /// <summary>Talked to us long ago and then went quiet for over 180 days: dissolution.</summary>
    Lapsed,
}

/// <summary>
/// One interaction of a story: when (days before the seeding day), where, how it went and an optional follow-up.
/// <see cref="Contact"/> is the index of the account's contact (null: the account as a whole).
/// </summary>
public sealed record DemoStep(
    int DaysAgo,
    InteractionChannel Channel,
    TouchpointType Touchpoint,
    TouchpointOwner TouchpointOwner,
    InteractionDirection Direction,
    InteractionPurpose Purpose,
    InteractionOutcome Outcome,
    string Subject,
    int? Contact = 0)
{
    /// <summary>Recorded by the service desk's agent rather than the account owner.</summary>
    public bool ByServiceAgent { get; init; }

    public DemoFollowUp? FollowUp { get; init; }
}

/// <summary>A follow-up due some days after the seeding day (negative: overdue); <see cref="Done"/> completes it afterwards.</summary>
public sealed record DemoFollowUp(int DueInDays, string Note, bool Done = false);
