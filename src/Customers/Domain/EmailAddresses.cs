namespace CrmPlatform.Customers.Domain;

/// <summary>
/// Email syntax (RFC 5321 limits, dot-atom local part, host-name domain) normalised with a lower-cased domain. The local
/// part keeps its case, as the standard allows mailboxes to be case-sensitive; matching compares it case-insensitively.
/// </summary>
public static class EmailAddresses
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-.";

    /// <returns>The normalised address, or null when empty.</returns>
    public static string? Normalize(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var address = raw.Trim();
        var at = address.LastIndexOf('@');
        if (address.Length > 254 || at <= 0 || at == address.Length - 1)
        {
            throw Invalid(field, raw);
        }

        var local = address[..at];
        var domain = WebDomains.Validate(address[(at + 1)..].ToLowerInvariant());
        if (domain is null || !IsValidLocalPart(local))
        {
            throw Invalid(field, raw);
        }

        return $"{local}@{domain}";
    }

    public static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..];

    public static string LocalPartOf(string email) => email[..email.LastIndexOf('@')];

    private static bool IsValidLocalPart(string local) =>
        local.Length <= 64
        && local[0] != '.'
        && local[^1] != '.'
        && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSpecials.Contains(c));

    private static InvalidFieldException Invalid(string field, string raw) =>
        new(field, $"'{Shorten(raw)}' is not a valid email address.");

    internal static string Shorten(string raw) => raw.Length <= 64 ? raw : raw[..61] + "...";
}
