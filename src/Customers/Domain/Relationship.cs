namespace CrmPlatform.Customers.Domain;

public enum RelationshipType
{
    WorksFor = 1,
    HouseholdMember = 2,
    ReportsTo = 3,
}

/// <summary>A contact's tie beyond its own account: to a company or household account, or to the contact it reports to.</summary>
public sealed record Relationship(
    Guid Id,
    string TenantId,
    RelationshipType Type,
    Guid ContactId,
    Guid TargetId,
    string? Description,
    DateTimeOffset CreatedAt)
{
    public const string ResourcePrefix = "relationships/";

    public string ResourceName => ResourcePrefix + Id;

    public string ContactName => Contact.ResourcePrefix + ContactId;

    public RecordKind TargetKind => RelationshipRules.TargetKindOf(Type);

    public string TargetName => (TargetKind == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix) + TargetId;

    /// <summary>How the relationship appears in the contact's history: "relationships.works_for".</summary>
    public string AuditField => "relationships." + RelationshipRules.Name(Type);
}

/// <summary>What each relationship may point at.</summary>
public static class RelationshipRules
{
    public const int MaxReportingDepth = 100;
    private const string TargetField = "relationship.target";

    public static RecordKind TargetKindOf(RelationshipType type) => type == RelationshipType.ReportsTo ? RecordKind.Contact : RecordKind.Account;

    public static string Name(RelationshipType type) => type switch
    {
        RelationshipType.WorksFor => "works_for",
        RelationshipType.HouseholdMember => "household_member",
        _ => "reports_to",
    };

    /// <summary>Works-for points at a company, household membership at a household.</summary>
    public static void EnsureFits(RelationshipType type, Account target)
    {
        var expected = type == RelationshipType.WorksFor ? AccountKind.Company : AccountKind.Household;
        if (target.Kind != expected)
        {
            throw new InvalidFieldException(TargetField,
                $"{Name(type)} needs a {expected.ToString().ToLowerInvariant()} account; {target.ResourceName} is a {target.Kind.ToString().ToLowerInvariant()}.");
        }
    }

    /// <summary>A contact may not report to itself or to anyone above it already reporting to it.</summary>
    /// <param name="managersOfTarget">Everyone the new manager reports to, directly or not.</param>
    public static void EnsureNoReportingCycle(Guid contactId, Guid managerId, IReadOnlyCollection<Guid> managersOfTarget)
    {
        if (managerId == contactId || managersOfTarget.Contains(contactId))
        {
            throw new InvalidFieldException(TargetField, "would make the contact report to itself (a reporting cycle).");
        }
    }
}
