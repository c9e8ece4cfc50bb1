using System.Diagnostics;
using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>
/// Ops choose how much to trace with the standard OTEL_TRACES_SAMPLER variables: here none of the calls that start
/// at the gateway, while a call whose caller already samples its trace is still traced through.
/// </summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public async Task A_ratio_sampler_drops_new_traces_but_keeps_the_ones_a_caller_samples()
    {
        await using var probe = await ProbeServer.StartAsync();
        await using var traces = await TraceCollector.StartAsync();
        var settings = GatewayProcess.RouteToService("probe", "/gateway.probe.v1.Probe/{method}", [probe.Address]);
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = traces.Endpoint.ToString().TrimEnd('/');
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        settings["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
        settings["OTEL_TRACES_SAMPLER_ARG"] = "0";
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var client = new Probe.Probe.ProbeClient(channel);
        var sampledByCaller = new Metadata { { "traceparent", $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" } };

        var unsampled = await client.EchoAsync(new EchoRequest { Text = "new trace" });
        var sampled = await client.EchoAsync(new EchoRequest { Text = "caller's trace" }, sampledByCaller);

        Assert.True(
            !unsampled.Headers.TryGetValue("traceparent", out var dropped) || dropped.EndsWith("-00", StringComparison.Ordinal),
            $"A call that starts a trace reached the service as sampled: traceparent {dropped}.");
        var kept = sampled.Headers["traceparent"].Split('-');
        Assert.Equal("01", kept[3]);
        Assert.True(
            await traces.WaitForSpanAsync(Convert.FromHexString(kept[2]), TimeSpan.FromSeconds(20)),
            "The gateway exported no span for the call its caller sampled.");
    }
}
