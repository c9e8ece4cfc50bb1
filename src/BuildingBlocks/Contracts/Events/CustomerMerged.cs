namespace CrmPlatform.Contracts.Events;

/// <summary>
/// Records were merged into a survivor: <see cref="MergedIds"/> now resolve to <see cref="SurvivorId"/>.
/// <see cref="RecordType"/> is "account" or "contact".
/// </summary>
public sealed record CustomerMerged(
    Guid SurvivorId,
    IReadOnlyList<Guid> MergedIds,
    string RecordType,
    string TenantId,
    string MergedBy,
    DateTimeOffset OccurredAt);
