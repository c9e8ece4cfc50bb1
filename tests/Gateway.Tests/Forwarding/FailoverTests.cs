extern alias interop;

using System.Collections.Concurrent;
using System.Diagnostics;
using CrmPlatform.Grpc;
using interop::CrmPlatform.Grpc.Interop.Testing;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What callers notice when an instance of a service dies behind the gateway.</summary>
public sealed class FailoverTests
{
    private const int Callers = 4;

    [Fact]
    public async Task Killing_one_of_two_instances_mid_run_fails_no_call_started_after_it_died_and_all_down_is_unavailable()
    {
        await using var first = await InteropServerProcess.StartAsync("interop-a");
        await using var second = await InteropServerProcess.StartAsync("interop-b");
        var settings = GatewayProcess.RouteToService("interop", "/grpc.testing.TestService/{method}", [first.Address, second.Address]);
        settings["ReverseProxy__Clusters__interop__HealthCheck__Active__Interval"] = "00:00:00.500";
        settings["ReverseProxy__Clusters__interop__HealthCheck__Passive__ReactivationPeriod"] = "00:01:00";
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var client = new TestService.TestServiceClient(channel);

        var calls = new ConcurrentBag<(long Started, StatusCode Status)>();
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(_ => CallUntilStoppedAsync(client, calls, stop.Token)).ToArray();
        await WaitForSuccessesAsync(calls, 200);
        await first.KillAsync();
        var died = Stopwatch.GetTimestamp();
        var successesAtDeath = calls.Count(call => call.Status == StatusCode.OK);
        await WaitForSuccessesAsync(calls, successesAtDeath + 500);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var afterDeath = calls.Where(call => call.Started > died).ToList();
        Assert.NotEmpty(afterDeath);
        Assert.All(afterDeath, call => Assert.Equal(StatusCode.OK, call.Status));
        Assert.True(calls.Count(call => call.Status != StatusCode.OK) <= Callers, "Only calls in flight on the killed instance may fail.");

        await second.KillAsync();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.EmptyCallAsync(new Empty()));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var next = await Assert.ThrowsAsync<RpcException>(async () => await client.EmptyCallAsync(new Empty()));
        Assert.Equal("no healthy destination for cluster interop", next.Status.Detail);
    }

    [Fact]
    public async Task A_restarted_instance_is_back_in_rotation_within_seconds_not_after_the_reactivation_period()
    {
        await using var instance = await InteropServerProcess.StartAsync("interop-restarted");
        var settings = GatewayProcess.RouteToService("interop", "/grpc.testing.TestService/{method}", [instance.Address]);
        settings["ReverseProxy__Clusters__interop__HealthCheck__Active__Interval"] = "00:05:00";
        settings["ReverseProxy__Clusters__interop__HealthCheck__Passive__ReactivationPeriod"] = "00:05:00";
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var client = new TestService.TestServiceClient(channel);
        await client.EmptyCallAsync(new Empty());

        await instance.KillAsync();
        var down = await Assert.ThrowsAsync<RpcException>(async () => await client.EmptyCallAsync(new Empty()));
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);

        await using var restarted = await InteropServerProcess.StartAsync("interop-restarted", instance.Address.Port);
        var backAfter = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await client.EmptyCallAsync(new Empty());
                break;
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && backAfter.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static async Task CallUntilStoppedAsync(TestService.TestServiceClient client, ConcurrentBag<(long, StatusCode)> calls, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 16 }, deadline: DateTime.UtcNow.AddSeconds(10));
                calls.Add((started, StatusCode.OK));
            }
            catch (RpcException exception)
            {
                calls.Add((started, exception.StatusCode));
            }
        }
    }

    private static async Task WaitForSuccessesAsync(ConcurrentBag<(long Started, StatusCode Status)> calls, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (calls.Count(call => call.Status == StatusCode.OK) < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
