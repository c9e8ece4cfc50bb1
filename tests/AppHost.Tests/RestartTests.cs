using System.Net;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Tests.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class RestartTests(DistributedAppFixture platform)
{
    [Fact]
    public async Task A_service_killed_with_sigkill_is_restarted_on_the_same_address_and_becomes_healthy_again()
    {
        var before = platform.App.GetResource("sales");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Processes.Kill(before.ProcessIds[0]);
        await platform.App.WaitForStateAsync("sales", ResourceState.Restarting, timeout.Token);
        await platform.App.WaitForStateAsync("sales", ResourceState.Running, timeout.Token);

        var after = platform.App.GetResource("sales");
        Assert.Equal(before.Restarts + 1, after.Restarts);
        Assert.DoesNotContain(before.ProcessIds[0], after.ProcessIds);
        Assert.Equal(before.Urls, after.Urls);
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(platform.GetEndpoint("sales"), "/health"), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(platform.Logs.Messages, m => m.StartsWith("sales: exited with code 137; restarting in 1 s", StringComparison.Ordinal));
        Assert.Contains(platform.Logs.Messages, m => m.StartsWith("sales: restarted and healthy", StringComparison.Ordinal));
    }
}
