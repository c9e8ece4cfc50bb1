namespace CrmPlatform.Customers.Domain;

/// <summary>Company web domains: "https://www.Acme.com/about" is stored as "acme.com".</summary>
public static class WebDomains
{
    private static readonly HashSet<string> FreeMailDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "icloud.com",
        "me.com", "aol.com", "gmx.de", "gmx.net", "web.de", "proton.me", "protonmail.com", "yandex.ru", "mail.ru",
        "qq.com", "163.com", "zoho.com",
    };

    /// <returns>The normalised domain, or null when empty.</returns>
    public static string? Normalize(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0)
        {
            text = text[..end];
        }

        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        return Validate(text) ?? throw new InvalidFieldException(field, $"'{EmailAddresses.Shorten(raw)}' is not a valid web domain.");
    }

    /// <summary>The company a mailbox belongs to, or null for free-mail providers.</summary>
    public static string? CompanyDomainOf(string? email) =>
        email is null || IsFreeMail(EmailAddresses.DomainOf(email)) ? null : EmailAddresses.DomainOf(email).ToLowerInvariant();

    /// <summary>Whether anyone can have a mailbox at <paramref name="domain"/> (gmail.com, yahoo.com …).</summary>
    public static bool IsFreeMail(string domain) => FreeMailDomains.Contains(domain.ToLowerInvariant());

    /// <returns><paramref name="domain"/> (lower-case) when it is a valid host name with a top-level domain, else null.</returns>
    internal static string? Validate(string domain)
    {
        if (domain.Length is 0 or > 253)
        {
            return null;
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return domain;
    }
}
