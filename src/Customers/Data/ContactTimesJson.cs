using System.Globalization;
using System.Text.Json;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>Contact times in the nullable <c>contact_times</c> jsonb column: <c>{"timeZone": …, "windows": [{"day": 1, …}]}</c>.</summary>
internal static class ContactTimesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static NpgsqlParameter Parameter(ContactTimes? times) => new()
    {
        Value = times is null
            ? DBNull.Value
            : JsonSerializer.Serialize(new Stored(times.TimeZone, times.Windows.Select(w => new StoredWindow(
                (int)w.Day, w.Start.ToString("HH:mm", CultureInfo.InvariantCulture), w.End.ToString("HH:mm", CultureInfo.InvariantCulture))).ToList()), Options),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    };

    public static ContactTimes? Read(string? json) =>
        json is null || JsonSerializer.Deserialize<Stored>(json, Options) is not { } stored
            ? null
            : new ContactTimes(stored.TimeZone, stored.Windows.Select(w => new ContactWindow(
                (DayOfWeek)w.Day,
                TimeOnly.ParseExact(w.Start, "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(w.End, "HH:mm", CultureInfo.InvariantCulture))).ToList());

    private sealed record Stored(string TimeZone, IReadOnlyList<StoredWindow> Windows);

    private sealed record StoredWindow(int Day, string Start, string End);
}
