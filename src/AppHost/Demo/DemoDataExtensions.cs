using CrmPlatform.AppHost.Model;
using CustomersClient = CrmPlatform.Contracts.Customers.V1.Customers.CustomersClient;

namespace CrmPlatform.AppHost.Demo;

public static class DemoDataExtensions
{
    /// <summary>The gateway's setting for the tenant of its first admin; the demo data goes to the same tenant.</summary>
    public const string TenantVariable = "Gateway__Tenant";

    public const string DefaultTenant = "default";

    /// <summary>The tenant the gateway's first admin signs in to: <c>Gateway__Tenant</c>, else "default".</summary>
    public static string DemoTenant =>
        Environment.GetEnvironmentVariable(TenantVariable) is { Length: > 0 } tenant ? tenant : DefaultTenant;

    /// <summary>
    /// Once every resource runs, loads the demo data set into <paramref name="customers"/> with caller tokens signed by
    /// <paramref name="tokens"/>. A failure is logged; the platform keeps running.
    /// </summary>
    public static void AddDemoData(this DistributedApplicationBuilder builder, ProjectResource customers, CallerTokenSettings tokens)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(customers);
        builder.AfterStart(async (app, cancellationToken) =>
        {
            var logger = app.CreateLogger("CrmPlatform.AppHost.Demo");
            if (!app.ResourceNames.Contains(customers.Name))
            {
                DemoLog.NotStarted(logger, customers.Name);
                return;
            }

            var seeder = new DemoSeeder(
                app.CreateClient<CustomersClient>(customers.Name), tokens, DemoTenant, builder.Options.DemoSize, logger, TimeProvider.System);
            await seeder.SeedAsync(cancellationToken);
        });
    }
}
