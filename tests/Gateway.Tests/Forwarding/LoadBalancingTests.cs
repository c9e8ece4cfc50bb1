using CrmPlatform.Gateway.Forwarding;
using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>How a cluster with explicitly configured destinations shares calls, including one that cannot be reached.</summary>
public sealed class LoadBalancingTests
{
    [Theory]
    [InlineData("RoundRobin")]
    [InlineData("PowerOfTwoChoices")]
    public async Task Calls_are_shared_by_the_live_destinations_and_one_that_refuses_connections_costs_no_call(string policy)
    {
        await using var first = await ProbeServer.StartAsync();
        await using var second = await ProbeServer.StartAsync();
        var nothingListening = new Uri($"http://127.0.0.1:{FreePorts.Pick(1)[0]}");
        var settings = new Dictionary<string, string>
        {
            ["ReverseProxy__Routes__probe__ClusterId"] = "probe",
            ["ReverseProxy__Routes__probe__Match__Path"] = "/gateway.probe.v1.Probe/{method}",
            ["ReverseProxy__Routes__probe__AuthorizationPolicy"] = RouteConfig.AnonymousPolicy,
            ["ReverseProxy__Clusters__probe__LoadBalancingPolicy"] = policy,
            ["ReverseProxy__Clusters__probe__HealthCheck__Active__Enabled"] = "false",
            ["ReverseProxy__Clusters__probe__Destinations__dead__Address"] = nothingListening.ToString(),
            ["ReverseProxy__Clusters__probe__Destinations__first__Address"] = first.Address.ToString(),
            ["ReverseProxy__Clusters__probe__Destinations__second__Address"] = second.Address.ToString(),
        };
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var client = new Probe.Probe.ProbeClient(channel);

        for (var call = 0; call < 40; call++)
        {
            await client.EchoAsync(new EchoRequest { Text = "balanced" });
        }

        Assert.Equal(40, first.Observations.EchoCalls + second.Observations.EchoCalls);
        Assert.True(first.Observations.EchoCalls > 0, "The first destination got no call.");
        Assert.True(second.Observations.EchoCalls > 0, "The second destination got no call.");
    }
}
