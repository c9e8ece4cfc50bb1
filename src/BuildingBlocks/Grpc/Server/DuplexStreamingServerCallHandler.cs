using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    DuplexStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcServerRuntime runtime) : ServerCallHandler(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override Task HandleCoreAsync(HttpServerCallContext call) =>
        invoker(new HttpRequestStreamReader<TRequest>(call, method.RequestParser), new HttpResponseStreamWriter<TResponse>(call), call);
}
