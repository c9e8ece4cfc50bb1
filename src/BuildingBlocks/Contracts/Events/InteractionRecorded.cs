namespace CrmPlatform.Contracts.Events;

/// <summary>
/// An interaction with a customer was recorded at a touchpoint. Enum values are names ("Call", "Outbound", "Purchase",
/// "Purchased"), empty when not given; subject and notes stay in the service (GetInteraction).
/// </summary>
public sealed record InteractionRecorded(
    Guid InteractionId,
    Guid AccountId,
    Guid? ContactId,
    string TenantId,
    string Channel,
    string Direction,
    string Purpose,
    string Outcome,
    bool RepeatedContact,
    DateTimeOffset OccurredAt,
    string RecordedBy,
    DateTimeOffset RecordedAt);
