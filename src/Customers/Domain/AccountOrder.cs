using System.Globalization;

namespace CrmPlatform.Customers.Domain;

/// <summary>The value a list of accounts is sorted by before its id.</summary>
public enum AccountSortKey
{
    Id,
    DisplayName,
    CreateTime,
    UpdateTime,
}

/// <summary>Where a page of accounts starts: after the account with this id and these sort values.</summary>
public sealed record AccountCursor(Guid Id, string? DisplayName, DateTimeOffset? Time);

/// <summary>
/// The order of a list of accounts, from an AIP-132 <c>order_by</c>: one field, optionally followed by " desc". Ties are
/// broken by id in the same direction, so the order is total and keyset pages never skip or repeat an account. Names
/// sort case-insensitively.
/// </summary>
public sealed record AccountOrder(AccountSortKey Key, bool Descending)
{
    public static readonly AccountOrder ById = new(AccountSortKey.Id, false);

    private static readonly Dictionary<string, AccountSortKey> Fields = new(StringComparer.Ordinal)
    {
        ["display_name"] = AccountSortKey.DisplayName,
        ["create_time"] = AccountSortKey.CreateTime,
        ["update_time"] = AccountSortKey.UpdateTime,
    };

    /// <summary>Parses <paramref name="orderBy"/>; empty means <see cref="ById"/>.</summary>
    public static AccountOrder Parse(string orderBy) =>
        orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries) switch
        {
            [] => ById,
            [var field] when Fields.TryGetValue(field, out var key) => new AccountOrder(key, false),
            [var field, "desc"] when Fields.TryGetValue(field, out var key) => new AccountOrder(key, true),
            _ => throw new InvalidFieldException(
                "order_by", "must be display_name, create_time or update_time, optionally followed by \" desc\"."),
        };

    /// <summary>A token for the page after <paramref name="last"/>, bound to <paramref name="filterFingerprint"/>, which covers this order.</summary>
    public string Token(Account last, string filterFingerprint) => Key switch
    {
        AccountSortKey.DisplayName => Paging.Token(last.DisplayName, last.Id, filterFingerprint),
        AccountSortKey.CreateTime => Paging.Token(Ticks(last.CreatedAt), last.Id, filterFingerprint),
        AccountSortKey.UpdateTime => Paging.Token(Ticks(last.UpdatedAt), last.Id, filterFingerprint),
        _ => Paging.Token("", last.Id, filterFingerprint),
    };

    /// <returns>Where the page of <paramref name="token"/> starts, or null for the first page.</returns>
    public AccountCursor? After(string? token, string filterFingerprint)
    {
        if (Paging.AfterSorted(token, filterFingerprint) is not { } after)
        {
            return null;
        }

        var (value, id) = after;
        return Key switch
        {
            AccountSortKey.DisplayName when !value.Contains('\0', StringComparison.Ordinal) => new AccountCursor(id, value, null),
            AccountSortKey.DisplayName => throw Paging.NotOurs(),
            AccountSortKey.CreateTime or AccountSortKey.UpdateTime =>
                long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                    ? new AccountCursor(id, null, new DateTimeOffset(ticks, TimeSpan.Zero))
                    : throw Paging.NotOurs(),
            _ => new AccountCursor(id, null, null),
        };
    }

    public override string ToString() =>
        Key == AccountSortKey.Id ? "" : Fields.Single(f => f.Value == Key).Key + (Descending ? " desc" : "");

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
