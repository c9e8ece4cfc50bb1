using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class ClientStreamingMethodBinding<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) : IServerMethodBinding
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public IMethod Method => method;

    public ServerCallHandler CreateHandler(GrpcServerRuntime runtime)
    {
        var activator = new ServiceActivator<TService>(runtime);
        ClientStreamingServerMethod<TRequest, TResponse> pipeline = (requests, context) => Invoke(activator, requests, context);
        var interceptors = runtime.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var next = pipeline;
            var registration = interceptors[i];
            pipeline = (requests, context) => registration.Resolve(context.GetHttpContext().RequestServices).ClientStreamingServerHandler(requests, context, next);
        }

        return new ClientStreamingServerCallHandler<TRequest, TResponse>(method, pipeline, runtime);
    }

    private async Task<TResponse> Invoke(ServiceActivator<TService> activator, IAsyncStreamReader<TRequest> requests, ServerCallContext context)
    {
        var service = activator.Create(context.GetHttpContext(), out var created);
        try
        {
            return await handler(service, requests, context).ConfigureAwait(false);
        }
        finally
        {
            if (created)
            {
                await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
            }
        }
    }
}
