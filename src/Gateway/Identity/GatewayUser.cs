using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>A row of <c>users</c>.</summary>
internal sealed record GatewayUser(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Teams,
    string TenantId,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreateTime)
{
    public Caller ToCaller() => new(Id.ToString(), TenantId, Roles.ToHashSet(StringComparer.Ordinal), Teams.ToHashSet(StringComparer.Ordinal));
}
