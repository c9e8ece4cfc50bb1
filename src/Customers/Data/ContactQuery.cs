using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Data;

/// <summary>One page of contacts visible in <see cref="Scope"/>, after <see cref="After"/> in <see cref="Order"/>.</summary>
internal sealed record ContactQuery(
    string TenantId,
    ReadScope Scope,
    Guid? AccountId,
    string? OwnerUserId,
    string? Team,
    string? Tag,
    string? Search,
    IReadOnlyDictionary<string, CustomFieldValue> CustomFields,
    RecordOrder Order,
    RecordCursor? After,
    int Limit);
