namespace CrmPlatform.Contracts.Events;

/// <summary>Fields of an account changed; <see cref="ChangedFields"/> names them (values are in the audit history).</summary>
public sealed record CustomerUpdated(
    Guid AccountId,
    string TenantId,
    IReadOnlyList<string> ChangedFields,
    long Version,
    string UpdatedBy,
    DateTimeOffset OccurredAt);
