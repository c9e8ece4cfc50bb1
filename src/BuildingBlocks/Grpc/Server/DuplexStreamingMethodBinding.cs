using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class DuplexStreamingMethodBinding<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : IServerMethodBinding
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public IMethod Method => method;

    public ServerCallHandler CreateHandler(GrpcServerRuntime runtime)
    {
        var activator = new ServiceActivator<TService>(runtime);
        DuplexStreamingServerMethod<TRequest, TResponse> pipeline = (requests, responses, context) => Invoke(activator, requests, responses, context);
        var interceptors = runtime.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var next = pipeline;
            var registration = interceptors[i];
            pipeline = (requests, responses, context) => registration.Resolve(context.GetHttpContext().RequestServices).DuplexStreamingServerHandler(requests, responses, context, next);
        }

        return new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, pipeline, runtime);
    }

    private async Task Invoke(ServiceActivator<TService> activator, IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context)
    {
        var service = activator.Create(context.GetHttpContext(), out var created);
        try
        {
            await handler(service, requests, responses, context).ConfigureAwait(false);
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
