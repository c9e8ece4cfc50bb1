using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What an integrator's gRPC client sees when it calls a service through the gateway's h2c endpoint.</summary>
[Collection(ProbeGatewayCollection.Name)]
public sealed class GrpcPassThroughTests(ProbeGatewayFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Unary_call_reaches_the_service_with_the_callers_headers_and_returns_its_headers_and_trailers()
    {
        var headers = new Metadata
        {
            { "authorization", "Bearer caller-token" },
            { "x-request-tag", "quarterly-import" },
        };

        using var call = fixture.Client.EchoAsync(new EchoRequest { Text = "hello" }, headers, DateTime.UtcNow.AddSeconds(30));
        var reply = await call;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Equal("hello", reply.Text);
        Assert.Equal("Bearer caller-token", reply.Headers["authorization"]);
        Assert.Equal("quarterly-import", reply.Headers["x-request-tag"]);
        Assert.Equal("trailers", reply.Headers["te"]);
        Assert.True(reply.HasDeadline);
        Assert.Equal("hello", responseHeaders.GetValue("x-probe-header"));
        Assert.Equal("bye", trailers.GetValue("x-probe-trailer"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, trailers.GetValueBytes("x-probe-trailer-bin"));
    }

    [Fact]
    public async Task Error_status_and_its_trailers_pass_through_unchanged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Client.EchoAsync(new EchoRequest { Text = "fail" }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("probe refuses: fail", error.Status.Detail);
        Assert.Equal("asked to", error.Trailers.GetValue("x-probe-reason"));
    }

    [Fact]
    public async Task Message_over_the_services_size_limit_is_refused_by_the_service_not_cut_off_by_the_gateway()
    {
        var oversized = new EchoRequest { Text = new string('x', 5 * 1024 * 1024) };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await fixture.Client.EchoAsync(oversized));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Server_stream_arrives_message_by_message_while_the_service_is_still_streaming()
    {
        var holdId = Guid.NewGuid().ToString();
        using var call = fixture.Client.Count(new CountRequest { Count = 3, HoldId = holdId });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1, call.ResponseStream.Current.Number);
        fixture.Probe.Observations.Release(holdId);
        var rest = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            rest.Add(reply.Number);
        }

        Assert.Equal(new[] { 2, 3 }, rest);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Deadline_is_honoured_end_to_end_and_cancels_the_service_handler()
    {
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await fixture.Client.WaitAsync(new WaitRequest { Id = id }, deadline: DateTime.UtcNow.AddMilliseconds(500)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await fixture.Probe.Observations.Cancelled(id).WaitAsync(Patience);
    }

    [Fact]
    public async Task Client_cancel_cancels_the_service_handler()
    {
        var id = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();

        var call = fixture.Client.WaitAsync(new WaitRequest { Id = id }, cancellationToken: cancellation.Token);
        await fixture.Probe.Observations.Started(id).WaitAsync(Patience);
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await fixture.Probe.Observations.Cancelled(id).WaitAsync(Patience);
    }
}
