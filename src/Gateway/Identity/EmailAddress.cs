namespace CrmPlatform.Gateway.Identity;

/// <summary>Sign-in names: trimmed, lower-cased, one <c>@</c> with text on both sides, at most 254 characters.</summary>
internal static class EmailAddress
{
    public const int MaximumLength = 254;

    public static bool TryNormalize(string? email, out string normalized)
    {
        normalized = (email ?? string.Empty).Trim().ToLowerInvariant();
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        return normalized.Length <= MaximumLength
            && at > 0
            && at == normalized.LastIndexOf('@')
            && at < normalized.Length - 1
            && !normalized.Any(char.IsWhiteSpace);
    }
}
