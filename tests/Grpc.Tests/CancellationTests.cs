using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task CancellingTheClientTokenCancelsTheServerHandler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();
        using var cts = new CancellationTokenSource();

        var call = client.WaitAsync(30_000, new CallOptions(cancellationToken: cts.Token));
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await cts.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DisposingAStreamingCallCancelsTheServerHandler()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();

        var call = client.WaitAsync(30_000);
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        call.Dispose();

        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientResetStopsAServerStreamingHandlerThatKeepsWriting()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();
        var call = client.Count(int.MaxValue);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        call.Dispose();

        await WaitUntilAsync(() => HandlerFinished(server));
        Assert.Empty(server.Logs.Errors);
        Assert.Equal("after reset", (await client.EchoAsync("after reset")).Value);
    }

    [Fact]
    public async Task CancellingMoveNextEndsTheStreamWithCancelled()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();
        using var call = client.Chat();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cts.Token));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new StringValue { Value = "late" }));
    }

    private static bool HandlerFinished(GrpcTestServer server) => server.Probe.Events.Contains("count finished");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
