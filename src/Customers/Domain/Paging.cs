using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Keyset pages in id order (UUIDv7: creation order, stable under inserts). A page token carries the last id and a
/// fingerprint of the filters it was issued for; reusing it with other filters is INVALID_ARGUMENT.
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

    public static string Token(Guid lastId, string filterFingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{lastId:N}.{Hash(filterFingerprint)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <returns>The id after which the page starts, or null for the first page.</returns>
    public static Guid? After(string? token, string filterFingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '=')));
            var parts = text.Split('.');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id))
            {
                return parts[1] == Hash(filterFingerprint)
                    ? id
                    : throw new InvalidFieldException("page_token", "was issued for other filters; list again from the first page.");
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidFieldException("page_token", "is not a token this service issued.");
    }

    private static string Hash(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)))[..16];
}
