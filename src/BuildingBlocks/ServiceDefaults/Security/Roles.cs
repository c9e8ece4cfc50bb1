namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>The platform's roles, as carried in the caller's token.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string SalesManager = "sales_manager";
    public const string SalesRep = "sales_rep";
    public const string ServiceAgent = "service_agent";
    public const string Marketer = "marketer";
    public const string Analyst = "analyst";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Admin, SalesManager, SalesRep, ServiceAgent, Marketer, Analyst };
}
