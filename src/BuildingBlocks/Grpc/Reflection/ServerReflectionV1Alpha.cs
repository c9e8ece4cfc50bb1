using Google.Protobuf.Reflection;

namespace CrmPlatform.Grpc.Reflection.V1Alpha;

/// <summary>The grpc.reflection.v1alpha.ServerReflection service: method, descriptor and binding (hand-written, shaped like generated code).</summary>
public static class ServerReflection
{
    public static readonly Method<ServerReflectionRequest, ServerReflectionResponse> ServerReflectionInfoMethod =
        new(MethodType.DuplexStreaming, "grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo", ServerReflectionRequest.Parser, ServerReflectionResponse.Parser);

    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    public static void BindService<TService>(ServiceBinder<TService> binder)
        where TService : ServerReflectionBase =>
        binder.AddDuplexStreamingMethod(ServerReflectionInfoMethod, static (service, requests, responses, context) => service.ServerReflectionInfo(requests, responses, context));

    [BindServiceMethod(typeof(ServerReflection), nameof(BindService))]
    public abstract class ServerReflectionBase
    {
        public abstract Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context);
    }

    public sealed class ServerReflectionClient : ClientBase<ServerReflectionClient>
    {
        public ServerReflectionClient(ChannelBase channel)
            : base(channel)
        {
        }

        public ServerReflectionClient(CallInvoker callInvoker)
            : base(callInvoker)
        {
        }

        public AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> ServerReflectionInfo(CallOptions options = default) =>
            CallInvoker.AsyncDuplexStreamingCall(ServerReflectionInfoMethod, null, options);
    }
}
