using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// A validated interaction to record: with <see cref="AccountId"/>, <see cref="ContactId"/> or both (then the contact
/// must be the account's). A null <see cref="OccurredAt"/> means now.
/// </summary>
public sealed record NewInteraction(
    Guid? AccountId,
    Guid? ContactId,
    InteractionChannel Channel,
    TouchpointType? TouchpointType,
    TouchpointOwner? TouchpointOwner,
    InteractionDirection? Direction,
    InteractionPurpose? Purpose,
    InteractionOutcome? Outcome,
    string? Subject,
    string? Notes,
    DateTimeOffset? OccurredAt,
    FollowUpInput? FollowUp);

/// <summary>A follow-up as requested; a null owner means the interaction's recorder.</summary>
public sealed record FollowUpInput(DateTimeOffset DueAt, string? OwnerUserId, string? Note, bool Done);

/// <summary>A validated change of an interaction, applied to the current one at the time of the change.</summary>
public delegate Interaction InteractionChange(Interaction current, DateTimeOffset now);

/// <summary>Timeline filters; the parent is an account (its contacts' interactions included) or a contact.</summary>
public sealed record InteractionFilters(RecordKind ParentKind, Guid ParentId, InteractionChannel? Channel, InteractionPurpose? Purpose, bool RepeatedOnly)
{
    public string Fingerprint => $"interactions|{ParentKind}|{ParentId}|{Channel}|{Purpose}|{RepeatedOnly}";
}
