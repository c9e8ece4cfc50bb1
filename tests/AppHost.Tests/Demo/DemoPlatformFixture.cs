using CrmPlatform.AppHost.Demo;
using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using CustomersClient = CrmPlatform.Contracts.Customers.V1.Customers.CustomersClient;

namespace CrmPlatform.AppHost.Tests.Demo;

/// <summary>
/// Customers and its infrastructure started with <c>--demo</c> and a small generated part (<see cref="GeneratedAccounts"/>):
/// the demo data is loaded before the tests run.
/// </summary>
public sealed class DemoPlatformFixture : DistributedAppFixture
{
    public const int GeneratedAccounts = 150;

    /// <summary>Every account of the data set as loaded: the curated ones, then the generated ones.</summary>
    public static readonly IReadOnlyList<DemoAccount> AllAccounts = [.. DemoAccounts.All, .. DemoGenerated.Accounts(GeneratedAccounts)];

    public CustomersClient Customers => CreateClient<CustomersClient>("customers");

    /// <summary>The token settings the AppHost made for this run, as the Customers service was given them.</summary>
    public CallerTokenSettings Tokens
    {
        get
        {
            var environment = App.GetEnvironment("customers");
            return new CallerTokenSettings(environment["Auth__Issuer"], environment["Auth__Audience"], environment["Auth__SigningKey"]);
        }
    }

    /// <summary>An admin of the tenant the demo data went to, as the gateway's first admin would call.</summary>
    public Metadata Admin
    {
        get
        {
            var settings = Tokens;
            var tokens = new CallerTokens(new TokenSettings(settings.Issuer, settings.Audience, settings.SigningKey), TimeProvider.System);
            var caller = new Caller("first-admin", DemoDataExtensions.DemoTenant, new HashSet<string> { Roles.Admin }, new HashSet<string>());
            return new Metadata { { "authorization", "Bearer " + tokens.Issue(caller, TimeSpan.FromMinutes(30)) } };
        }
    }

    protected override IEnumerable<string> Arguments => ["--only", "customers", "--demo", "--demo-size", $"{GeneratedAccounts}"];
}
