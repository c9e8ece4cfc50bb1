using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ClientStreamingServerMethod<TRequest, TResponse> invoker,
    GrpcServerRuntime runtime) : ServerCallHandler(method, runtime)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task HandleCoreAsync(HttpServerCallContext call)
    {
        var requests = new HttpRequestStreamReader<TRequest>(call, method.RequestParser);
        var response = await invoker(requests, call).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The method returned no response message."));
        if (call.Status.StatusCode == StatusCode.OK)
        {
            await call.WriteMessageAsync(response, call.WriteOptions, flush: false, call.CancellationToken).ConfigureAwait(false);
        }
    }
}
