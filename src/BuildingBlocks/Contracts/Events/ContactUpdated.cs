namespace CrmPlatform.Contracts.Events;

/// <summary>Fields of a contact changed; <see cref="ChangedFields"/> names them (values are in the audit history).</summary>
public sealed record ContactUpdated(
    Guid ContactId,
    Guid AccountId,
    string TenantId,
    IReadOnlyList<string> ChangedFields,
    long Version,
    string UpdatedBy,
    DateTimeOffset OccurredAt);
