using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class ServerStreamingMethodBinding<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : IServerMethodBinding
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public IMethod Method => method;

    public ServerCallHandler CreateHandler(GrpcServerRuntime runtime)
    {
        var activator = new ServiceActivator<TService>(runtime);
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = (request, responses, context) => Invoke(activator, request, responses, context);
        var interceptors = runtime.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var next = pipeline;
            var registration = interceptors[i];
            pipeline = (request, responses, context) => registration.Resolve(context.GetHttpContext().RequestServices).ServerStreamingServerHandler(request, responses, context, next);
        }

        return new ServerStreamingServerCallHandler<TRequest, TResponse>(method, pipeline, runtime);
    }

    private async Task Invoke(ServiceActivator<TService> activator, TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context)
    {
        var service = activator.Create(context.GetHttpContext(), out var created);
        try
        {
            await handler(service, request, responses, context).ConfigureAwait(false);
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
