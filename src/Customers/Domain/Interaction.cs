using System.Globalization;

namespace CrmPlatform.Customers.Domain;

/// <summary>Where the customer met us.</summary>
public enum InteractionChannel
{
    Call = 1,
    Email = 2,
    Meeting = 3,
    Visit = 4,
    Web = 5,
    Chat = 6,
    SocialPost = 7,
    Letter = 8,
    AdExposure = 9,
}

/// <summary>The touchpoint's kind: a person, an interactive system or static material.</summary>
public enum TouchpointType
{
    Human = 1,
    Interactive = 2,
    Static = 3,
}

/// <summary>Who controls the touchpoint.</summary>
public enum TouchpointOwner
{
    Brand = 1,
    Partner = 2,
    Customer = 3,
    Social = 4,
}

public enum InteractionDirection
{
    Inbound = 1,
    Outbound = 2,
}

public enum InteractionPurpose
{
    Information = 1,
    Sales = 2,
    Service = 3,
    Complaint = 4,
    Marketing = 5,
    Purchase = 6,
    Relationship = 7,
}

public enum InteractionOutcome
{
    NotReached = 1,
    Reached = 2,
    Interested = 3,
    NotInterested = 4,
    Purchased = 5,
    Resolved = 6,
    Escalated = 7,
    Cancelled = 8,
}

/// <summary>Something a user must do after an interaction, by a due time; open until done.</summary>
public sealed record FollowUp(DateTimeOffset DueAt, string OwnerUserId, string? Note, DateTimeOffset? DoneAt)
{
    public bool IsOpen => DoneAt is null;
}

/// <summary>
/// One contact between the customer and us at a touchpoint, on the account's timeline (and the contact's, when the
/// interaction was with one person). <see cref="PreviousAttempts"/> holds the earlier outbound attempts within the
/// tenant's repeated-contact window when it was recorded.
/// </summary>
public sealed record Interaction(
    Guid Id,
    string TenantId,
    Guid AccountId,
    Guid? ContactId,
    InteractionChannel Channel,
    TouchpointType? TouchpointType,
    TouchpointOwner? TouchpointOwner,
    InteractionDirection? Direction,
    InteractionPurpose? Purpose,
    InteractionOutcome? Outcome,
    string? Subject,
    string? Notes,
    DateTimeOffset OccurredAt,
    string RecordedBy,
    string Source,
    FollowUp? FollowUp,
    IReadOnlyList<Guid> PreviousAttempts,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IAuditable
{
    public const string ResourcePrefix = "interactions/";

    public string ResourceName => ResourcePrefix + Id;

    public string Etag => Etags.Of(Version);

    public bool RepeatedContact => PreviousAttempts.Count > 0;

    public InteractionSignal Signal => new(OccurredAt, Direction, Purpose, Outcome);

    public IReadOnlyDictionary<string, string?> AuditValues => new Dictionary<string, string?>
    {
        ["account"] = Account.ResourcePrefix + AccountId,
        ["contact"] = ContactId is { } contactId ? Contact.ResourcePrefix + contactId : null,
        ["channel"] = Channel.ToString(),
        ["touchpoint_type"] = TouchpointType?.ToString(),
        ["touchpoint_owner"] = TouchpointOwner?.ToString(),
        ["direction"] = Direction?.ToString(),
        ["purpose"] = Purpose?.ToString(),
        ["outcome"] = Outcome?.ToString(),
        ["subject"] = Subject,
        ["notes"] = Notes,
        ["occur_time"] = OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        ["follow_up.due_time"] = FollowUp?.DueAt.ToString("O", CultureInfo.InvariantCulture),
        ["follow_up.owner_user_id"] = FollowUp?.OwnerUserId,
        ["follow_up.note"] = FollowUp?.Note,
        ["follow_up.done_time"] = FollowUp?.DoneAt?.ToString("O", CultureInfo.InvariantCulture),
    };
}

/// <summary>What an interaction says about the relationship: the input of the phase and value-tier rules.</summary>
public sealed record InteractionSignal(
    DateTimeOffset OccurredAt, InteractionDirection? Direction, InteractionPurpose? Purpose, InteractionOutcome? Outcome)
{
    /// <summary>A purchase: outcome purchased, or purpose purchase with no outcome saying otherwise.</summary>
    public bool IsPurchase => Outcome == InteractionOutcome.Purchased || (Purpose == InteractionPurpose.Purchase && Outcome is null);

    /// <summary>Both sides took part: the customer reached us, or we reached them and they engaged.</summary>
    public bool IsTwoWay => Direction == InteractionDirection.Inbound
        || Outcome is InteractionOutcome.Reached or InteractionOutcome.Interested || IsPurchase;
}

/// <summary>Validation of interaction texts and times.</summary>
public static class InteractionRules
{
    public const int MaxSubjectLength = 200;
    public const int MaxNotesLength = 10_000;
    public const int MaxFollowUpNoteLength = 1_000;

    /// <summary>Clocks of callers may run a little ahead of ours; beyond this an occur_time is in the future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static string? Subject(string? raw, string field) => TextRules.OptionalText(raw, field, MaxSubjectLength);

    /// <summary>Free text that keeps its line breaks: trimmed, no control characters but tabs and new lines.</summary>
    public static string? Notes(string? raw, string field, int maxLength = MaxNotesLength)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var notes = raw.Trim().ReplaceLineEndings("\n");
        if (notes.Length > maxLength)
        {
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters.");
        }

        if (notes.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            throw new InvalidFieldException(field, "must not contain control characters other than tabs and line breaks.");
        }

        return notes;
    }

    /// <summary>When it happened: now when not given, never in the future.</summary>
    public static DateTimeOffset OccurredAt(DateTimeOffset? given, DateTimeOffset now, string field)
    {
        if (given is not { } time)
        {
            return now;
        }

        return time > now + ClockSkew
            ? throw new InvalidFieldException(field, "may not be in the future.")
            : time;
    }
}
