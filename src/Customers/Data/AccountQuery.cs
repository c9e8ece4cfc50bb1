using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Data;

/// <summary>One page of accounts visible in <see cref="Scope"/>, after <see cref="After"/> in <see cref="Order"/>.</summary>
internal sealed record AccountQuery(
    string TenantId,
    ReadScope Scope,
    string? OwnerUserId,
    string? Team,
    string? Tag,
    RelationshipPhase? Phase,
    AccountKind? Kind,
    CommitmentSegment? Segment,
    ValueTier? ValueTier,
    string? Search,
    IReadOnlyDictionary<string, CustomFieldValue> CustomFields,
    RecordOrder Order,
    RecordCursor? After,
    int Limit);
