using System.Diagnostics;
using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What ops see in traces: a forwarded call is a span of the gateway, and the service's span is its child.</summary>
[Collection(ProbeGatewayCollection.Name)]
public sealed class TracingThroughGatewayTests(ProbeGatewayFixture fixture)
{
    [Fact]
    public async Task Forwarded_call_is_a_gateway_span_between_the_caller_and_the_service()
    {
        var callerTrace = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{callerTrace}-{callerSpan}-01" } };

        var reply = await fixture.Client.EchoAsync(new EchoRequest { Text = "traced" }, headers);

        var received = reply.Headers["traceparent"].Split('-');
        Assert.Equal(callerTrace.ToHexString(), received[1]);
        Assert.NotEqual(callerSpan.ToHexString(), received[2]);
        Assert.True(
            await fixture.Traces.WaitForSpanAsync(Convert.FromHexString(received[2]), TimeSpan.FromSeconds(20)),
            "The gateway exported no span with the id the service received as its parent.");
    }
}
