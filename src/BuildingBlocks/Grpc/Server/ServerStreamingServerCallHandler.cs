using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcServerRuntime runtime) : ServerCallHandler(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task HandleCoreAsync(HttpServerCallContext call)
    {
        var request = await ServerMessageReader.ReadSingleMessageAsync(call, method.RequestParser, call.CancellationToken).ConfigureAwait(false);
        await invoker(request, new HttpResponseStreamWriter<TResponse>(call), call).ConfigureAwait(false);
    }
}
