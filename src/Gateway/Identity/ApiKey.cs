using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>A row of <c>api_keys</c>; <see cref="OwnerDisabled"/> comes from the owner's user row.</summary>
internal sealed record ApiKey(
    Guid Id,
    string Prefix,
    byte[] SecretHash,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Teams,
    Guid OwnerUserId,
    string TenantId,
    DateTimeOffset CreateTime,
    DateTimeOffset? ExpireTime,
    DateTimeOffset? RevokedTime,
    DateTimeOffset? LastUsedTime,
    bool OwnerDisabled = false)
{
    /// <summary>The key acts as its owner, in the owner's tenant, with the key's own roles and teams.</summary>
    public Caller ToCaller() => new(OwnerUserId.ToString(), TenantId, Roles.ToHashSet(StringComparer.Ordinal), Teams.ToHashSet(StringComparer.Ordinal));
}

/// <summary>The secret form of a key: <c>crm_&lt;prefix&gt;_&lt;secret&gt;</c>, alphanumeric prefix and secret.</summary>
internal static class ApiKeyFormat
{
    public const string Scheme = "crm";
    public const int PrefixLength = 8;

    /// <summary>43 alphanumerics: about 256 bits.</summary>
    public const int SecretLength = 43;

    public static string Format(string prefix, string secret) => $"{Scheme}_{prefix}_{secret}";

    /// <summary>What a key is shown as in lists: <c>crm_&lt;prefix&gt;</c>.</summary>
    public static string DisplayPrefix(string prefix) => $"{Scheme}_{prefix}";

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        var parts = key.Trim().Split('_');
        prefix = parts.Length == 3 ? parts[1] : string.Empty;
        secret = parts.Length == 3 ? parts[2] : string.Empty;
        return parts.Length == 3
            && parts[0] == Scheme
            && prefix.Length == PrefixLength
            && secret.Length == SecretLength
            && prefix.All(char.IsAsciiLetterOrDigit)
            && secret.All(char.IsAsciiLetterOrDigit);
    }
}
