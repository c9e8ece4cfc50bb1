using CrmPlatform.AppHost.Dashboard;
using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Testing;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>The customers service with its database and broker, exporting to a dashboard started with the application.</summary>
public sealed class DashboardPlatformFixture : IAsyncLifetime
{
    public string ApiKey { get; } = Guid.NewGuid().ToString("N");

    public DistributedApplication App { get; private set; } = null!;

    public DashboardServer Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create(["--only", "customers"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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
