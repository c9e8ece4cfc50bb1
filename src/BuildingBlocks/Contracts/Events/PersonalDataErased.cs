namespace CrmPlatform.Contracts.Events;

/// <summary>A contact's personal data was erased on request; every service must erase what it holds about them.</summary>
public sealed record PersonalDataErased(Guid ContactId, Guid AccountId, string TenantId, string ErasedBy, DateTimeOffset OccurredAt);
