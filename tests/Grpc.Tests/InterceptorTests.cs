using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task InterceptorsRunAroundEveryMethodKindInRegistrationOrder()
    {
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.Interceptors.Add<OuterInterceptor>();
            o.Interceptors.Add<InnerInterceptor>();
        });
        var client = server.CreateClient();

        await client.EchoAsync("x");
        using (var sum = client.Sum())
        {
            await sum.RequestStream.CompleteAsync();
            await sum;
        }

        using (var count = client.Count(1))
        {
            while (await count.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        using (var chat = client.Chat())
        {
            await chat.RequestStream.CompleteAsync();
            while (await chat.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        Assert.Equal(
            [
                "outer unary /test.Tester/Echo", "inner unary /test.Tester/Echo",
                "outer client-streaming /test.Tester/Sum", "inner client-streaming /test.Tester/Sum",
                "outer server-streaming /test.Tester/Count", "inner server-streaming /test.Tester/Count",
                "outer duplex /test.Tester/Chat", "inner duplex /test.Tester/Chat",
            ],
            server.Probe.Events.Where(e => e.StartsWith("outer", StringComparison.Ordinal) || e.StartsWith("inner", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InterceptorCanRejectACallBeforeTheService()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<RejectingInterceptor>());

        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient().EchoAsync("x").ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private abstract class RecordingInterceptor(CallProbe probe, string name) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            probe.Record($"{name} unary {context.Method}");
            return continuation(request, context);
        }

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            probe.Record($"{name} client-streaming {context.Method}");
            return continuation(requestStream, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            probe.Record($"{name} server-streaming {context.Method}");
            return continuation(request, responseStream, context);
        }

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            probe.Record($"{name} duplex {context.Method}");
            return continuation(requestStream, responseStream, context);
        }
    }

    private sealed class OuterInterceptor(CallProbe probe) : RecordingInterceptor(probe, "outer");

    private sealed class InnerInterceptor(CallProbe probe) : RecordingInterceptor(probe, "inner");

    private sealed class RejectingInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            throw new RpcException(new Status(StatusCode.Unauthenticated, "no token"));
    }
}
