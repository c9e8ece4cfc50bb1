namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>Claim names in the platform's tokens.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Tenant = "tenant";
    public const string Role = "role";
    public const string Team = "team";
}
