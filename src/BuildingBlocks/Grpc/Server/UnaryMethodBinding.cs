using Google.Protobuf;

namespace CrmPlatform.Grpc;

internal sealed class UnaryMethodBinding<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) : IServerMethodBinding
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public IMethod Method => method;

    public ServerCallHandler CreateHandler(GrpcServerRuntime runtime)
    {
        var activator = new ServiceActivator<TService>(runtime);
        UnaryServerMethod<TRequest, TResponse> pipeline = (request, context) => Invoke(activator, request, context);
        var interceptors = runtime.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var next = pipeline;
            var registration = interceptors[i];
            pipeline = (request, context) => registration.Resolve(context.GetHttpContext().RequestServices).UnaryServerHandler(request, context, next);
        }

        return new UnaryServerCallHandler<TRequest, TResponse>(method, pipeline, runtime);
    }

    private Task<TResponse> Invoke(ServiceActivator<TService> activator, TRequest request, ServerCallContext context)
    {
        var service = activator.Create(context.GetHttpContext(), out var created);
        return created && ServiceActivator<TService>.NeedsRelease
            ? InvokeAndReleaseAsync(service, request, context)
            : handler(service, request, context);
    }

    private async Task<TResponse> InvokeAndReleaseAsync(TService service, TRequest request, ServerCallContext context)
    {
        try
        {
            return await handler(service, request, context).ConfigureAwait(false);
        }
        finally
        {
            await ServiceActivator<TService>.ReleaseAsync(service).ConfigureAwait(false);
        }
    }
}
