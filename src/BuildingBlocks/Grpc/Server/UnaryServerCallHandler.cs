using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    UnaryServerMethod<TRequest, TResponse> invoker,
    GrpcServerRuntime runtime) : ServerCallHandler(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task HandleCoreAsync(HttpServerCallContext call)
    {
        var request = await ServerMessageReader.ReadSingleMessageAsync(call, method.RequestParser, call.CancellationToken).ConfigureAwait(false);
        var response = await invoker(request, call).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The method returned no response message."));
        if (call.Status.StatusCode == StatusCode.OK)
        {
            await call.WriteMessageAsync(response, call.WriteOptions, flush: false, call.CancellationToken).ConfigureAwait(false);
        }
    }
}
