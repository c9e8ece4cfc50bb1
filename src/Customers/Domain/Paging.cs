using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Keyset pages in id order (UUIDv7: creation order, stable under inserts), sequence order, or by a sort value then id.
/// A page token carries the last key and a fingerprint of the filters (and order) it was issued for; reusing it with
/// others is INVALID_ARGUMENT.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw new InvalidFieldException("page_size", "must not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    public static string Token(Guid lastId, string filterFingerprint) => Encode(lastId.ToString("N"), filterFingerprint);

    /// <summary>A token for pages sorted by a value, then id: carries the last row's <paramref name="sortValue"/> and id.</summary>
    public static string Token(string sortValue, Guid lastId, string filterFingerprint) =>
        Encode($"{ToBase64Url(Encoding.UTF8.GetBytes(sortValue))}:{lastId:N}", filterFingerprint);

    public static string Token(long lastSequence, string filterFingerprint) => Encode(lastSequence.ToString(CultureInfo.InvariantCulture), filterFingerprint);

    /// <returns>The id after which the page starts, or null for the first page.</returns>
    public static Guid? After(string? token, string filterFingerprint) =>
        Decode(token, filterFingerprint) is not { } key ? null
        : Guid.TryParseExact(key, "N", out var id) ? id
        : throw NotOurs();

    /// <returns>The sequence number after which the page starts, or null for the first page.</returns>
    public static long? AfterSequence(string? token, string filterFingerprint) =>
        Decode(token, filterFingerprint) is not { } key ? null
        : long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence
        : throw NotOurs();

    /// <returns>The sort value and id after which the page starts, or null for the first page.</returns>
    public static (string SortValue, Guid Id)? AfterSorted(string? token, string filterFingerprint)
    {
        if (Decode(token, filterFingerprint) is not { } key)
        {
            return null;
        }

        var parts = key.Split(':');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            throw NotOurs();
        }

        try
        {
            return (Encoding.UTF8.GetString(FromBase64Url(parts[0])), id);
        }
        catch (FormatException)
        {
            throw NotOurs();
        }
    }

    internal static InvalidFieldException NotOurs() => new("page_token", "is not a token this service issued.");

    private static string Encode(string key, string filterFingerprint) =>
        ToBase64Url(Encoding.UTF8.GetBytes($"{key}.{Hash(filterFingerprint)}"));

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
    }

    private static string? Decode(string? token, string filterFingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(FromBase64Url(token)).Split('.');
        }
        catch (FormatException)
        {
            throw NotOurs();
        }

        if (parts.Length != 2)
        {
            throw NotOurs();
        }

        return parts[1] == Hash(filterFingerprint)
            ? parts[0]
            : throw new InvalidFieldException("page_token", "was issued for other filters or another order; list again from the first page.");
    }

    private static string Hash(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)))[..16];
}
