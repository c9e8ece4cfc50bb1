namespace CrmPlatform.Customers.Domain;

/// <summary>
/// A tenant's contact-management settings: outbound attempts to the same person closer together than
/// <see cref="RepeatedContactWindow"/> are flagged once there are <see cref="RepeatedContactThreshold"/> earlier ones,
/// so that nobody irritates a customer by contacting them again and again.
/// </summary>
public sealed record ContactPolicy(TimeSpan RepeatedContactWindow, int RepeatedContactThreshold)
{
    public const int MaxThreshold = 100;
    public static readonly TimeSpan MinWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);
    public static readonly ContactPolicy Default = new(TimeSpan.FromDays(7), 1);

    /// <summary>A validated policy; an unset window or threshold takes its default.</summary>
    public static ContactPolicy Create(TimeSpan? window, int threshold, string field)
    {
        var checkedWindow = window ?? Default.RepeatedContactWindow;
        if (checkedWindow < MinWindow || checkedWindow > MaxWindow)
        {
            throw new InvalidFieldException($"{field}.repeated_contact_window", "must be from 1 hour to 90 days.");
        }

        if (threshold is < 0 or > MaxThreshold)
        {
            throw new InvalidFieldException($"{field}.repeated_contact_threshold", $"must be from 1 to {MaxThreshold}.");
        }

        return new ContactPolicy(checkedWindow, threshold == 0 ? Default.RepeatedContactThreshold : threshold);
    }

    /// <summary>The earliest moment an earlier attempt still counts against an attempt at <paramref name="occurredAt"/>.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset occurredAt) => occurredAt - RepeatedContactWindow;

    /// <summary>The earlier attempts to report: all of them once there are at least the threshold, otherwise none.</summary>
    public IReadOnlyList<Guid> RepeatedAttempts(IReadOnlyList<Guid> earlierAttemptsInWindow) =>
        earlierAttemptsInWindow.Count >= RepeatedContactThreshold ? earlierAttemptsInWindow : [];
}

/// <summary>
/// A change of a tenant's contact policy: the fields it sets (an unset value returns to the default); the others keep
/// their current value.
/// </summary>
public sealed record ContactPolicyChange(bool SetsWindow, TimeSpan? Window, bool SetsThreshold, int Threshold)
{
    public ContactPolicy ApplyTo(ContactPolicy current, string field) => ContactPolicy.Create(
        SetsWindow ? Window : current.RepeatedContactWindow,
        SetsThreshold ? Threshold : current.RepeatedContactThreshold,
        field);
}
