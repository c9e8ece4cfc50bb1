using System.Globalization;

namespace CrmPlatform.Customers.Domain;

/// <summary>IDIC "differentiate": how valuable a customer is, set by people or rules now and by Analytics later.</summary>
public enum ValueTier
{
    Low = 1,
    Medium = 2,
    High = 3,
    Top = 4,
}

/// <summary>IDIC "interact": the channels a contact can prefer.</summary>
public enum ContactChannel
{
    Email = 1,
    Phone = 2,
    Sms = 3,
    Meeting = 4,
    Letter = 5,
    Chat = 6,
    Social = 7,
}

/// <summary>A weekly window in which a contact likes to be reached, in their time zone.</summary>
public sealed record ContactWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public override string ToString() =>
        $"{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(Day)} {Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>When a contact likes to be reached: weekly windows in an IANA time zone.</summary>
public sealed record ContactTimes(string TimeZone, IReadOnlyList<ContactWindow> Windows)
{
    public const int MaxWindows = 21;

    public string SingleLine => $"{TimeZone}: {string.Join("; ", Windows)}";

    /// <param name="windows">Day (1 = Monday … 7 = Sunday), start and end as "HH:mm".</param>
    /// <returns>The validated times, or null when neither a zone nor windows are given.</returns>
    public static ContactTimes? Create(string? timeZone, IReadOnlyList<(int Day, string Start, string End)> windows, string field)
    {
        var zone = TextRules.OptionalText(timeZone, $"{field}.time_zone", TextRules.MaxTagLength);
        if (zone is null && windows.Count == 0)
        {
            return null;
        }

        if (zone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new InvalidFieldException($"{field}.time_zone", "must be an IANA time zone such as Europe/London.");
        }

        if (windows.Count > MaxWindows)
        {
            throw new InvalidFieldException($"{field}.windows", $"must have at most {MaxWindows} windows.");
        }

        return new ContactTimes(zone, windows
            .Select((window, index) => Window(window, $"{field}.windows[{index}]"))
            .OrderBy(window => ((int)window.Day + 6) % 7)
            .ThenBy(window => window.Start)
            .ToList());
    }

    private static ContactWindow Window((int Day, string Start, string End) window, string field)
    {
        if (window.Day is < 1 or > 7)
        {
            throw new InvalidFieldException($"{field}.day_of_week", "must be 1 (Monday) to 7 (Sunday).");
        }

        var start = Time(window.Start, $"{field}.start_time");
        var end = Time(window.End, $"{field}.end_time");
        if (end <= start)
        {
            throw new InvalidFieldException($"{field}.end_time", "must be after start_time.");
        }

        return new ContactWindow((DayOfWeek)(window.Day % 7), start, end);
    }

    private static TimeOnly Time(string text, string field) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidFieldException(field, $"'{EmailAddresses.Shorten(text)}' is not a time like 09:30.");
}
