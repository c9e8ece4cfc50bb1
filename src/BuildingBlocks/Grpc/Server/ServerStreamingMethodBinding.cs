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
        ServerStreamingServerMethod<TRequest, TResponse> pipeline = Invoke;
        var interceptors = runtime.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var next = pipeline;
            var registration = interceptors[i];
            pipeline = (request, responses, context) => registration.Resolve(context.GetHttpContext().RequestServices).ServerStreamingServerHandler(request, responses, context, next);
        }

        return new ServerStreamingServerCallHandler<TRequest, TResponse>(method, pipeline, runtime);
    }

    private async Task Invoke(TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context)
    {
        var service = ServiceActivator<TService>.Create(context.GetHttpContext().RequestServices, out var created);
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
