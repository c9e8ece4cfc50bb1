using System.Globalization;

namespace CrmPlatform.Customers.Domain;

/// <summary>The value a list of records is sorted by before its id.</summary>
public enum RecordSortKey
{
    Id,
    DisplayName,
    GivenName,
    FamilyName,
    CreateTime,
    UpdateTime,
}

/// <summary>Where a page of records starts: after the record with this id and these sort values.</summary>
public sealed record RecordCursor(Guid Id, string? Name, DateTimeOffset? Time);

/// <summary>A record a list can be sorted by (<see cref="RecordOrder"/>).</summary>
public interface ISortable
{
    Guid Id { get; }

    DateTimeOffset CreatedAt { get; }

    DateTimeOffset UpdatedAt { get; }

    /// <summary>The value of the name field <paramref name="key"/> (one of the record's sort keys), "" when empty.</summary>
    string SortName(RecordSortKey key);
}

/// <summary>
/// The order of a list of records, from an AIP-132 <c>order_by</c>: one field, optionally followed by " desc". Ties are
/// broken by id in the same direction, so the order is total and keyset pages never skip or repeat a record. Names
/// sort case-insensitively.
/// </summary>
public sealed record RecordOrder(RecordSortKey Key, bool Descending)
{
    public static readonly RecordOrder ById = new(RecordSortKey.Id, false);

    private static readonly Dictionary<RecordSortKey, string> Fields = new()
    {
        [RecordSortKey.DisplayName] = "display_name",
        [RecordSortKey.GivenName] = "given_name",
        [RecordSortKey.FamilyName] = "family_name",
        [RecordSortKey.CreateTime] = "create_time",
        [RecordSortKey.UpdateTime] = "update_time",
    };

    public bool SortsByName => Key is RecordSortKey.DisplayName or RecordSortKey.GivenName or RecordSortKey.FamilyName;

    public bool SortsByTime => Key is RecordSortKey.CreateTime or RecordSortKey.UpdateTime;

    /// <summary>Parses <paramref name="orderBy"/>, which may name one of <paramref name="keys"/>; empty means <see cref="ById"/>.</summary>
    public static RecordOrder Parse(string orderBy, IReadOnlyList<RecordSortKey> keys) =>
        orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries) switch
        {
            [] => ById,
            [var field] when KeyOf(field, keys) is { } key => new RecordOrder(key, false),
            [var field, "desc"] when KeyOf(field, keys) is { } key => new RecordOrder(key, true),
            _ => throw new InvalidFieldException("order_by",
                $"must be {string.Join(", ", keys.SkipLast(1).Select(k => Fields[k]))} or {Fields[keys[^1]]}, optionally followed by \" desc\"."),
        };

    /// <summary>A token for the page after <paramref name="last"/>, bound to <paramref name="filterFingerprint"/>, which covers this order.</summary>
    public string Token(ISortable last, string filterFingerprint) =>
        Paging.Token(SortValue(last), last.Id, filterFingerprint);

    /// <returns>Where the page of <paramref name="token"/> starts, or null for the first page.</returns>
    public RecordCursor? After(string? token, string filterFingerprint)
    {
        if (Paging.AfterSorted(token, filterFingerprint) is not { } after)
        {
            return null;
        }

        var (value, id) = after;
        return this switch
        {
            { SortsByName: true } when !value.Contains('\0', StringComparison.Ordinal) => new RecordCursor(id, value, null),
            { SortsByName: true } => throw Paging.NotOurs(),
            { SortsByTime: true } =>
                long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                    ? new RecordCursor(id, null, new DateTimeOffset(ticks, TimeSpan.Zero))
                    : throw Paging.NotOurs(),
            _ => new RecordCursor(id, null, null),
        };
    }

    public override string ToString() => Key == RecordSortKey.Id ? "" : Fields[Key] + (Descending ? " desc" : "");

    private string SortValue(ISortable record) => Key switch
    {
        RecordSortKey.CreateTime => Ticks(record.CreatedAt),
        RecordSortKey.UpdateTime => Ticks(record.UpdatedAt),
        RecordSortKey.Id => "",
        _ => record.SortName(Key),
    };

    private static RecordSortKey? KeyOf(string field, IEnumerable<RecordSortKey> keys) =>
        keys.Where(key => Fields[key] == field).Select(key => (RecordSortKey?)key).SingleOrDefault();

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
