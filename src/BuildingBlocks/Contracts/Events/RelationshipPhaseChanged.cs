namespace CrmPlatform.Contracts.Events;

/// <summary>
/// An account moved to another of Dwyer's relationship phases (awareness, exploration, expansion, commitment,
/// dissolution). <see cref="Source"/> says why: "manual" for a user's override.
/// </summary>
public sealed record RelationshipPhaseChanged(
    Guid AccountId,
    string TenantId,
    string FromPhase,
    string ToPhase,
    string Source,
    string ChangedBy,
    DateTimeOffset OccurredAt);
