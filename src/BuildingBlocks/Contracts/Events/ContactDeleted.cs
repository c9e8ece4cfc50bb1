namespace CrmPlatform.Contracts.Events;

/// <summary>A contact was deleted; its interactions stay on its account's timeline.</summary>
public sealed record ContactDeleted(Guid ContactId, Guid AccountId, string TenantId, string DeletedBy, DateTimeOffset OccurredAt);
