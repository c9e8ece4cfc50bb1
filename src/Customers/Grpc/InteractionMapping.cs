using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Maps interaction messages to validated domain input and back.</summary>
internal static class InteractionMapping
{
    private const string FollowUpPath = "follow_up";

    private static readonly string[] Updatable =
    [
        "channel", "touchpoint_type", "touchpoint_owner", "direction", "purpose", "outcome", "subject", "notes", "occur_time",
        FollowUpPath, "follow_up.due_time", "follow_up.owner_user_id", "follow_up.note", "follow_up.done",
    ];

    public static Proto.Interaction ToProto(Interaction interaction) => new()
    {
        Name = interaction.ResourceName,
        Account = Account.ResourcePrefix + interaction.AccountId,
        Contact = interaction.ContactId is { } contactId ? Contact.ResourcePrefix + contactId : "",
        Channel = (Proto.InteractionChannel)interaction.Channel,
        TouchpointType = (Proto.TouchpointType)(interaction.TouchpointType ?? 0),
        TouchpointOwner = (Proto.TouchpointOwner)(interaction.TouchpointOwner ?? 0),
        Direction = (Proto.InteractionDirection)(interaction.Direction ?? 0),
        Purpose = (Proto.InteractionPurpose)(interaction.Purpose ?? 0),
        Outcome = (Proto.InteractionOutcome)(interaction.Outcome ?? 0),
        Subject = interaction.Subject ?? "",
        Notes = interaction.Notes ?? "",
        OccurTime = Fields.Time(interaction.OccurredAt),
        RecordedBy = interaction.RecordedBy,
        FollowUp = interaction.FollowUp is { } followUp
            ? new Proto.FollowUp
            {
                DueTime = Fields.Time(followUp.DueAt),
                OwnerUserId = followUp.OwnerUserId,
                Note = followUp.Note ?? "",
                Done = !followUp.IsOpen,
                DoneTime = followUp.DoneAt is { } done ? Fields.Time(done) : null,
            }
            : null,
        RepeatedContact = interaction.RepeatedContact,
        PreviousAttempts = { interaction.PreviousAttempts.Select(id => Interaction.ResourcePrefix + id) },
        TenantId = interaction.TenantId,
        Etag = interaction.Etag,
        CreateTime = Fields.Time(interaction.CreatedAt),
        UpdateTime = Fields.Time(interaction.UpdatedAt),
        Source = interaction.Source,
    };

    public static NewInteraction ToNew(Proto.Interaction? input)
    {
        if (input is null)
        {
            throw new InvalidFieldException("interaction", "is required.");
        }

        return new NewInteraction(
            ResourceNames.ParseOptional(input.Account, Account.ResourcePrefix, "interaction.account"),
            ResourceNames.ParseOptional(input.Contact, Contact.ResourcePrefix, "interaction.contact"),
            RequiredChannel(input.Channel, "interaction.channel"),
            Optional<TouchpointType>((int)input.TouchpointType, "interaction.touchpoint_type", "touchpoint type"),
            Optional<TouchpointOwner>((int)input.TouchpointOwner, "interaction.touchpoint_owner", "touchpoint owner"),
            Optional<InteractionDirection>((int)input.Direction, "interaction.direction", "direction"),
            Optional<InteractionPurpose>((int)input.Purpose, "interaction.purpose", "purpose"),
            Optional<InteractionOutcome>((int)input.Outcome, "interaction.outcome", "outcome"),
            InteractionRules.Subject(input.Subject, "interaction.subject"),
            InteractionRules.Notes(input.Notes, "interaction.notes"),
            Time(input.OccurTime, "interaction.occur_time"),
            input.FollowUp is { } followUp ? ToFollowUp(followUp, "interaction.follow_up") : null);
    }

    /// <summary>Validates the masked fields now and returns the change to apply to the current interaction.</summary>
    public static InteractionChange ToChange(Proto.UpdateInteractionRequest request)
    {
        var input = request.Interaction ?? throw new InvalidFieldException("interaction", "is required.");
        var unknown = request.UpdateMask?.Paths.FirstOrDefault(path => !Updatable.Contains(path) && path != "*");
        if (unknown is not null)
        {
            throw new InvalidFieldException("update_mask", $"'{unknown}' cannot be updated; updatable fields are {string.Join(", ", Updatable)}.");
        }

        var changes = Fields.Paths(request.UpdateMask, Populated(input), Updatable).Select(path => Change(path, input)).ToList();
        return (current, now) => changes.Aggregate(current, (interaction, change) => change(interaction, now));
    }

    public static InteractionFilters ToFilters(Proto.ListInteractionsRequest request)
    {
        var (kind, id) = ResourceNames.ParseRecord(request.Parent, "parent");
        return new InteractionFilters(kind, id,
            Optional<InteractionChannel>((int)request.Channel, "channel", "interaction channel"),
            Optional<InteractionPurpose>((int)request.Purpose, "purpose", "purpose"),
            request.RepeatedOnly);
    }

    /// <summary>The time, to the microsecond that PostgreSQL keeps, or null when not given.</summary>
    public static DateTimeOffset? Time(Timestamp? time, string field)
    {
        try
        {
            return time is null ? null : Sql.ToMicroseconds(time.ToDateTimeOffset());
        }
        catch (InvalidOperationException)
        {
            throw new InvalidFieldException(field, "is not a valid timestamp.");
        }
    }

    private static InteractionChange Change(string path, Proto.Interaction input)
    {
        var field = "interaction." + path;
        switch (path)
        {
            case "channel":
                var channel = RequiredChannel(input.Channel, field);
                return (i, _) => i with { Channel = channel };
            case "touchpoint_type":
                var type = Optional<TouchpointType>((int)input.TouchpointType, field, "touchpoint type");
                return (i, _) => i with { TouchpointType = type };
            case "touchpoint_owner":
                var owner = Optional<TouchpointOwner>((int)input.TouchpointOwner, field, "touchpoint owner");
                return (i, _) => i with { TouchpointOwner = owner };
            case "direction":
                var direction = Optional<InteractionDirection>((int)input.Direction, field, "direction");
                return (i, _) => i with { Direction = direction };
            case "purpose":
                var purpose = Optional<InteractionPurpose>((int)input.Purpose, field, "purpose");
                return (i, _) => i with { Purpose = purpose };
            case "outcome":
                var outcome = Optional<InteractionOutcome>((int)input.Outcome, field, "outcome");
                return (i, _) => i with { Outcome = outcome };
            case "subject":
                var subject = InteractionRules.Subject(input.Subject, field);
                return (i, _) => i with { Subject = subject };
            case "notes":
                var notes = InteractionRules.Notes(input.Notes, field);
                return (i, _) => i with { Notes = notes };
            case "occur_time":
                var occurredAt = Time(input.OccurTime, field);
                return (i, now) => i with { OccurredAt = InteractionRules.OccurredAt(occurredAt, now, field) };
            case FollowUpPath:
                var followUp = input.FollowUp is { } whole ? ToFollowUp(whole, field) : null;
                return (i, now) => i with
                {
                    FollowUp = followUp is null ? null
                        : new FollowUp(followUp.DueAt, followUp.OwnerUserId ?? i.RecordedBy, followUp.Note,
                            followUp.Done ? i.FollowUp?.DoneAt ?? now : null),
                };
            case "follow_up.due_time":
                var due = Time(input.FollowUp?.DueTime, field) ?? throw new InvalidFieldException(field, "is required.");
                return (i, _) => i with { FollowUp = (i.FollowUp ?? new FollowUp(due, i.RecordedBy, null, null)) with { DueAt = due } };
            case "follow_up.owner_user_id":
                var followUpOwner = Fields.RequiredOwner(input.FollowUp?.OwnerUserId ?? "", field);
                return (i, _) => i with { FollowUp = Existing(i, field) with { OwnerUserId = followUpOwner } };
            case "follow_up.note":
                var note = InteractionRules.Notes(input.FollowUp?.Note, field, InteractionRules.MaxFollowUpNoteLength);
                return (i, _) => i with { FollowUp = Existing(i, field) with { Note = note } };
            default:
                var done = input.FollowUp?.Done == true;
                return (i, now) => i with { FollowUp = Existing(i, field) with { DoneAt = done ? i.FollowUp!.DoneAt ?? now : null } };
        }
    }

    private static FollowUp Existing(Interaction interaction, string field) =>
        interaction.FollowUp ?? throw new InvalidFieldException(field, "the interaction has no follow-up; set follow_up.due_time first.");

    private static IEnumerable<string> Populated(Proto.Interaction input)
    {
        if (input.Channel != Proto.InteractionChannel.Unspecified) yield return "channel";
        if (input.TouchpointType != Proto.TouchpointType.Unspecified) yield return "touchpoint_type";
        if (input.TouchpointOwner != Proto.TouchpointOwner.Unspecified) yield return "touchpoint_owner";
        if (input.Direction != Proto.InteractionDirection.Unspecified) yield return "direction";
        if (input.Purpose != Proto.InteractionPurpose.Unspecified) yield return "purpose";
        if (input.Outcome != Proto.InteractionOutcome.Unspecified) yield return "outcome";
        if (input.Subject.Length > 0) yield return "subject";
        if (input.Notes.Length > 0) yield return "notes";
        if (input.OccurTime is not null) yield return "occur_time";
        if (input.FollowUp?.DueTime is not null) yield return "follow_up.due_time";
        if (input.FollowUp?.OwnerUserId.Length > 0) yield return "follow_up.owner_user_id";
        if (input.FollowUp?.Note.Length > 0) yield return "follow_up.note";
        if (input.FollowUp?.Done == true) yield return "follow_up.done";
    }

    private static FollowUpInput ToFollowUp(Proto.FollowUp followUp, string field) => new(
        Time(followUp.DueTime, $"{field}.due_time") ?? throw new InvalidFieldException($"{field}.due_time", "is required for a follow-up."),
        Fields.Owner(followUp.OwnerUserId, $"{field}.owner_user_id"),
        InteractionRules.Notes(followUp.Note, $"{field}.note", InteractionRules.MaxFollowUpNoteLength),
        followUp.Done);

    private static InteractionChannel RequiredChannel(Proto.InteractionChannel channel, string field) =>
        Optional<InteractionChannel>((int)channel, field, "interaction channel")
        ?? throw new InvalidFieldException(field, "is required: call, email, meeting, visit, web, chat, social_post, letter or ad_exposure.");

    private static T? Optional<T>(int value, string field, string what) where T : struct, System.Enum =>
        value == 0 ? null
        : System.Enum.IsDefined(typeof(T), value) ? (T)(object)value
        : throw new InvalidFieldException(field, $"{value} is not a known {what}.");
}
