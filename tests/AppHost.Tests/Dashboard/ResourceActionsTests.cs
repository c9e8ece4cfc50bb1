using System.Net;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>The Resources and Console logs pages' data, and the restart action wired to the orchestrator.</summary>
[Collection(DashboardPlatformCollection.Name)]
public sealed class ResourceActionsTests(DashboardPlatformFixture platform)
{
    [Fact]
    public async Task Resources_show_state_endpoints_and_health_and_the_console_shows_the_service_output()
    {
        using var api = platform.CreateApiClient();

        var resources = await api.GetAsync("/api/resources");
        var customers = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "customers");

        Assert.Equal("Running", customers.GetProperty("state").GetString());
        Assert.Equal("healthy", customers.GetProperty("health").GetString());
        Assert.Equal(platform.App.GetEndpoint("customers").ToString(), customers.GetProperty("endpoints").GetProperty("http").GetString());
        Assert.Equal(["restart", "stop"], customers.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var console = await api.GetAsync("/api/resources/customers/console");
        Assert.Contains(console.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString()!.Contains("Now listening", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_from_the_dashboard_starts_a_new_customers_process_on_the_same_endpoint()
    {
        using var api = platform.CreateApiClient();
        var before = platform.App.GetResource("customers").ProcessIds;

        using var response = await api.PostAsync("/api/resources/customers/restart");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = platform.App.GetResource("customers");
        Assert.Equal(Orchestration.ResourceState.Running, after.State);
        Assert.DoesNotContain(after.ProcessIds, before.Contains);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(platform.App.GetEndpoint("customers"), "/health"))).StatusCode);
    }
}
