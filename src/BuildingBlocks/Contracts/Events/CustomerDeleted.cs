namespace CrmPlatform.Contracts.Events;

/// <summary>An account was deleted and is no longer readable.</summary>
public sealed record CustomerDeleted(Guid AccountId, string TenantId, string DeletedBy, DateTimeOffset OccurredAt);
