using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>Collects the methods of a service; generated <c>BindService</c> methods call it.</summary>
public sealed class ServiceBinder<TService>
    where TService : class
{
    private readonly List<IServerMethodBinding> _bindings = [];

    internal ServiceBinder()
    {
    }

    internal IReadOnlyList<IServerMethodBinding> Bindings => _bindings;

    public void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Add(method, MethodType.Unary, new UnaryMethodBinding<TService, TRequest, TResponse>(method, handler));

    public void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Add(method, MethodType.ClientStreaming, new ClientStreamingMethodBinding<TService, TRequest, TResponse>(method, handler));

    public void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Add(method, MethodType.ServerStreaming, new ServerStreamingMethodBinding<TService, TRequest, TResponse>(method, handler));

    public void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Add(method, MethodType.DuplexStreaming, new DuplexStreamingMethodBinding<TService, TRequest, TResponse>(method, handler));

    private void Add(IMethod method, MethodType expected, IServerMethodBinding binding)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expected)
        {
            throw new ArgumentException($"Method {method.FullName} is {method.Type}, not {expected}.", nameof(method));
        }

        _bindings.Add(binding);
    }
}
