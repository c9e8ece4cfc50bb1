namespace CrmPlatform.Contracts.Events;

/// <summary>An account (company or consumer) was created. Carries no personal data: read the account for details.</summary>
public sealed record CustomerCreated(
    Guid AccountId,
    string TenantId,
    string Kind,
    string OwnerUserId,
    string Team,
    string CreatedBy,
    DateTimeOffset OccurredAt);
