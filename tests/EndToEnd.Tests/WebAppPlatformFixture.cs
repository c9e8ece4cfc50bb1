using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Testing;

namespace CrmPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform as src/AppHost/Program.cs defines it (temporary data, free ports, so the gateway's web port is not
/// 8080), with a first admin whose password the test knows. A platform that cannot start fails the tests.
/// </summary>
public sealed class WebAppPlatformFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@crm.local";

    private DistributedApplication? _app;

    public string AdminPassword { get; } = $"e2e-{Guid.NewGuid():N}";

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not been started.");

    /// <summary>The gateway's web port: the SPA and its gRPC-Web calls.</summary>
    public Uri GatewayUrl => App.GetEndpoint("gateway");

    public async Task InitializeAsync()
    {
        _app = DistributedApplicationTestingBuilder.Create();
        _app.GetProject("gateway")
            .WithEnvironment("Gateway__AdminEmail", AdminEmail)
            .WithEnvironment("Gateway__AdminPassword", AdminPassword);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await _app.StartAsync(timeout.Token);
    }

    /// <summary>The last lines a resource printed, for a failure message.</summary>
    public string RecentOutput(string resource, int lines = 60) =>
        string.Join(Environment.NewLine, App.GetLogs(resource).Snapshot().TakeLast(lines).Select(l => l.Text));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppPlatformCollection : ICollectionFixture<WebAppPlatformFixture>
{
    public const string Name = "web app platform";
}
