using Google.Protobuf.Reflection;

namespace CrmPlatform.Grpc.Health.V1;

/// <summary>The grpc.health.v1.Health service: methods, descriptor, binding and client (hand-written, shaped like generated code).</summary>
public static class Health
{
    private const string ServiceName = "grpc.health.v1.Health";

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> CheckMethod =
        new(MethodType.Unary, ServiceName, "Check", HealthCheckRequest.Parser, HealthCheckResponse.Parser);

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> WatchMethod =
        new(MethodType.ServerStreaming, ServiceName, "Watch", HealthCheckRequest.Parser, HealthCheckResponse.Parser);

    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public static void BindService<TService>(ServiceBinder<TService> binder)
        where TService : HealthBase
    {
        binder.AddUnaryMethod(CheckMethod, static (service, request, context) => service.Check(request, context));
        binder.AddServerStreamingMethod(WatchMethod, static (service, request, responses, context) => service.Watch(request, responses, context));
    }

    [BindServiceMethod(typeof(Health), nameof(BindService))]
    public abstract class HealthBase
    {
        public abstract Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context);

        public abstract Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context);
    }

    public sealed class HealthClient : ClientBase<HealthClient>
    {
        public HealthClient(ChannelBase channel)
            : base(channel)
        {
        }

        public HealthClient(CallInvoker callInvoker)
            : base(callInvoker)
        {
        }

        public AsyncUnaryCall<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(CheckMethod, null, options, request);

        public AsyncServerStreamingCall<HealthCheckResponse> Watch(HealthCheckRequest request, CallOptions options = default) =>
            CallInvoker.AsyncServerStreamingCall(WatchMethod, null, options, request);
    }
}
