namespace CrmPlatform.Contracts.Events;

/// <summary>A contact was added to an account. Carries no personal data: read the contact for details.</summary>
public sealed record ContactAdded(
    Guid ContactId,
    Guid AccountId,
    string TenantId,
    string OwnerUserId,
    string Team,
    string CreatedBy,
    DateTimeOffset OccurredAt);
