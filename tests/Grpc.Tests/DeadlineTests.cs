using Microsoft.Extensions.DependencyInjection;
using CrmPlatform.Grpc.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task CallPastItsDeadlineFailsWithDeadlineExceededAndTheHandlerIsCancelled()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();

        var call = client.WaitAsync(30_000, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
        await server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ServerAnswersDeadlineExceededWhenOnlyTheServerEnforcesTheTimeout()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Wait", RawGrpc.Frame(new Google.Protobuf.WellKnownTypes.Int32Value { Value = 10_000 }));
        request.Headers.Add("grpc-timeout", "150m");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.DeadlineExceeded, response.GrpcStatus);
        await server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ServerDeadlineIsVisibleToTheHandler()
    {
        DateTime? seen = null;
        await using var server = await GrpcTestServer.StartAsync(configureServices: services =>
            services.AddSingleton(new DeadlineCapture(d => seen = d)), configureGrpc: o => o.Interceptors.Add<DeadlineCapture>());
        var client = server.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);

        await client.EchoAsync("x", new CallOptions(deadline: deadline));

        Assert.NotNull(seen);
        Assert.InRange(seen!.Value, deadline.AddSeconds(-1), deadline.AddSeconds(10));
    }

    [Fact]
    public async Task DeadlineAlreadyPassedFailsWithoutWaiting()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync("x", new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task ServerStreamingCallPastItsDeadlineFailsWithDeadlineExceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();
        using var call = client.Chat(new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200)));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private sealed class DeadlineCapture(Action<DateTime> capture) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            capture(context.Deadline);
            return continuation(request, context);
        }
    }
}
