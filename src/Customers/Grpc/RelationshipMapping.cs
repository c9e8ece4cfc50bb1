using CrmPlatform.Customers.Domain;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps relationship messages.</summary>
internal static class RelationshipMapping
{
    public static Proto.Relationship ToProto(Relationship relationship) => new()
    {
        Name = relationship.ResourceName,
        Type = (Proto.RelationshipType)relationship.Type,
        Contact = relationship.ContactName,
        Target = relationship.TargetName,
        Description = relationship.Description ?? "",
        TenantId = relationship.TenantId,
        CreateTime = Fields.Time(relationship.CreatedAt),
    };

    public static RelationshipType TypeOf(Proto.RelationshipType type) =>
        type != Proto.RelationshipType.Unspecified && Enum.IsDefined((RelationshipType)type)
            ? (RelationshipType)type
            : throw new InvalidFieldException("relationship.type", "is required: works_for, household_member or reports_to.");

    /// <summary>The target id, which must name the kind of record the relationship type points at.</summary>
    public static Guid TargetOf(RelationshipType type, string target)
    {
        var prefix = RelationshipRules.TargetKindOf(type) == RecordKind.Account ? Account.ResourcePrefix : Contact.ResourcePrefix;
        return ResourceNames.Parse(target, prefix, "relationship.target");
    }
}
