using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.AppHost.Demo;

/// <summary>
/// The demo data set a sales team can click through: a few sales users in three teams plus a service agent, companies
/// with their staff, consumers and households, custom fields, value-tier rules and commitment survey answers that
/// place accounts in every Hofmeyr segment. Accounts and their stories are in <see cref="DemoAccounts"/>.
/// </summary>
public static class DemoDataSet
{
    /// <summary>The admin the seeder acts as, except for interactions (recorded by the owner or the service agent).</summary>
    public const string LoaderUserId = "demo-data";

    public static readonly DemoUser Ava = new("ava.reyes", Roles.SalesManager, "enterprise");
    public static readonly DemoUser Ben = new("ben.okafor", Roles.SalesRep, "enterprise");
    public static readonly DemoUser Chloe = new("chloe.martin", Roles.SalesRep, "enterprise");
    public static readonly DemoUser Diego = new("diego.santos", Roles.SalesRep, "smb");
    public static readonly DemoUser Emma = new("emma.larsen", Roles.SalesManager, "smb");
    public static readonly DemoUser Grace = new("grace.lee", Roles.SalesRep, "consumer");

    /// <summary>Records the service desk's interactions (the interaction centre may record on any account).</summary>
    public static readonly DemoUser Farah = new("farah.haddad", Roles.ServiceAgent, "service");

    public static readonly IReadOnlyList<string> Industries =
        ["Software", "Manufacturing", "Retail", "Healthcare", "Financial services", "Logistics", "Energy", "Hospitality", "Education"];

    public static readonly IReadOnlyList<CustomFieldDefinition> CustomFields =
    [
        new() { Key = "industry", RecordType = RecordType.Account, DisplayName = "Industry", Type = CustomFieldType.Choice, Choices = { Industries } },
        new() { Key = "annual_revenue", RecordType = RecordType.Account, DisplayName = "Annual revenue (USD)", Type = CustomFieldType.Number },
        new() { Key = "employee_count", RecordType = RecordType.Account, DisplayName = "Employees", Type = CustomFieldType.Number },
        new() { Key = "decision_maker", RecordType = RecordType.Contact, DisplayName = "Decision maker", Type = CustomFieldType.Bool },
    ];

    /// <summary>In priority order: frequent buyers are top, large companies high, key accounts and busy ones medium, other consumers low.</summary>
    public static readonly IReadOnlyList<ValueTierRule> ValueTierRules =
    [
        new() { Tier = ValueTier.Top, MinPurchasesLastYear = 3 },
        new() { Tier = ValueTier.High, CustomFieldKey = "annual_revenue", MinNumber = 100_000_000 },
        new() { Tier = ValueTier.Medium, Tag = "key-account" },
        new() { Tier = ValueTier.Medium, MinInteractionsLast90Days = 4 },
        new() { Tier = ValueTier.Low, Kind = AccountKind.Consumer },
    ];

    /// <summary>Answers that place a customer in each segment (scores 100, 59, 46, 25)...</summary>
    public static CommitmentAnswers Entrenched => Answers(true, 5, 5, 1, 5);

    public static CommitmentAnswers Average => Answers(true, 4, 3, 3, 3);

    public static CommitmentAnswers Shallow => Answers(true, 3, 3, 3, 2);

    public static CommitmentAnswers Convertible => Answers(true, 2, 2, 4, 2);

    /// <summary>... and a non-customer, by their commitment to their current brand (scores 84, 59, 46, 25).</summary>
    public static CommitmentAnswers StronglyUnavailable => Answers(false, 5, 4, 2, 4);

    public static CommitmentAnswers WeaklyUnavailable => Answers(false, 4, 3, 3, 3);

    public static CommitmentAnswers Ambivalent => Answers(false, 3, 3, 3, 2);

    public static CommitmentAnswers Available => Answers(false, 2, 2, 4, 2);

    private static CommitmentAnswers Answers(bool customer, int satisfaction, int involvement, int alternativeAppeal, int difference) =>
        new()
        {
            IsCustomer = customer,
            Satisfaction = satisfaction,
            Involvement = involvement,
            AlternativeAppeal = alternativeAppeal,
            Difference = difference,
        };
}
