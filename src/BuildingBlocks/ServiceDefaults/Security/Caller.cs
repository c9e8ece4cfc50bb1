namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>Who is calling: the user (or integrator key) id, the tenant whose data they may touch, their teams and roles.</summary>
public sealed record Caller(string UserId, string TenantId, IReadOnlySet<string> Roles, IReadOnlySet<string> Teams)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}
