using CrmPlatform.AppHost.Dashboard;
using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Testing;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>
/// The platform as src/AppHost/Program.cs defines it (the gateway needs every service), with a first admin whose
/// password the tests know, exporting to a dashboard started with the application.
/// </summary>
public sealed class DashboardPlatformFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@crm.local";

    public string ApiKey { get; } = Guid.NewGuid().ToString("N");

    public string AdminPassword { get; } = $"ops-{Guid.NewGuid():N}";

    public DistributedApplication App { get; private set; } = null!;

    public DashboardServer Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create();
        App.GetProject("gateway")
            .WithEnvironment("Gateway__AdminEmail", AdminEmail)
            .WithEnvironment("Gateway__AdminPassword", AdminPassword);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        Dashboard = await App.StartDashboardAsync(DashboardOptions.Standalone with { ApiKey = ApiKey, BrowserToken = Guid.NewGuid().ToString("N") }, timeout.Token);
        await App.StartAsync(timeout.Token);
    }

    internal DashboardApiClient CreateApiClient() => new(Dashboard.UiUrl, Dashboard.BrowserUrl);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DashboardPlatformCollection : ICollectionFixture<DashboardPlatformFixture>
{
    public const string Name = "dashboard platform";
}
