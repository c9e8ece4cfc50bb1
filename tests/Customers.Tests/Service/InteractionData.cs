using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>Interaction request builders shared by the contact-management tests.</summary>
internal static class InteractionData
{
    /// <summary>An interaction with an account (or, with <paramref name="contact"/>, one of its contacts).</summary>
    public static Proto.RecordInteractionRequest Interaction(
        string account = "",
        string contact = "",
        Proto.InteractionChannel channel = Proto.InteractionChannel.Call,
        Proto.InteractionDirection direction = Proto.InteractionDirection.Outbound,
        Proto.InteractionOutcome outcome = Proto.InteractionOutcome.Unspecified,
        Proto.InteractionPurpose purpose = Proto.InteractionPurpose.Unspecified,
        DateTimeOffset? at = null,
        string subject = "") => new()
    {
        Interaction = new Proto.Interaction
        {
            Account = account,
            Contact = contact,
            Channel = channel,
            Direction = direction,
            Outcome = outcome,
            Purpose = purpose,
            OccurTime = at is { } time ? Timestamp.FromDateTimeOffset(time) : null,
            Subject = subject,
        },
    };

    public static Proto.RecordInteractionRequest WithFollowUp(
        this Proto.RecordInteractionRequest request, DateTimeOffset due, string owner = "", string note = "")
    {
        request.Interaction.FollowUp = new Proto.FollowUp { DueTime = Timestamp.FromDateTimeOffset(due), OwnerUserId = owner, Note = note };
        return request;
    }

    public static Guid IdOf(string resourceName) => Guid.Parse(resourceName[(resourceName.IndexOf('/') + 1)..]);

    public static DateTimeOffset DaysAgo(double days) => DateTimeOffset.UtcNow.AddDays(-days);
}
