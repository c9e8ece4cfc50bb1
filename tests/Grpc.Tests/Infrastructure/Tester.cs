using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>Hand-written equivalent of generated code for a small test service, test.Tester.</summary>
public static class Tester
{
    public const string ServiceName = "test.Tester";

    public static readonly Method<StringValue, StringValue> Echo = new(MethodType.Unary, ServiceName, "Echo", StringValue.Parser, StringValue.Parser);
    public static readonly Method<StringValue, StringValue> Fail = new(MethodType.Unary, ServiceName, "Fail", StringValue.Parser, StringValue.Parser);
    public static readonly Method<Int32Value, Empty> Wait = new(MethodType.Unary, ServiceName, "Wait", Int32Value.Parser, Empty.Parser);
    public static readonly Method<Empty, Empty> Headers = new(MethodType.Unary, ServiceName, "Headers", Empty.Parser, Empty.Parser);
    public static readonly Method<Int32Value, Int32Value> Sum = new(MethodType.ClientStreaming, ServiceName, "Sum", Int32Value.Parser, Int32Value.Parser);
    public static readonly Method<Int32Value, Int32Value> Count = new(MethodType.ServerStreaming, ServiceName, "Count", Int32Value.Parser, Int32Value.Parser);
    public static readonly Method<StringValue, StringValue> Zip = new(MethodType.ServerStreaming, ServiceName, "Zip", StringValue.Parser, StringValue.Parser);
    public static readonly Method<StringValue, StringValue> Chat = new(MethodType.DuplexStreaming, ServiceName, "Chat", StringValue.Parser, StringValue.Parser);

    /// <summary>An rpc the server never binds.</summary>
    public static readonly Method<StringValue, StringValue> Missing = new(MethodType.Unary, ServiceName, "Missing", StringValue.Parser, StringValue.Parser);

    /// <summary>An rpc of a service the server doesn't have.</summary>
    public static readonly Method<StringValue, StringValue> UnknownService = new(MethodType.Unary, "test.Nowhere", "Echo", StringValue.Parser, StringValue.Parser);

    public static void BindService<TService>(ServiceBinder<TService> binder)
        where TService : TesterBase
    {
        binder.AddUnaryMethod(Echo, static (service, request, context) => service.Echo(request, context));
        binder.AddUnaryMethod(Fail, static (service, request, context) => service.Fail(request, context));
        binder.AddUnaryMethod(Wait, static (service, request, context) => service.Wait(request, context));
        binder.AddUnaryMethod(Headers, static (service, request, context) => service.Headers(request, context));
        binder.AddClientStreamingMethod(Sum, static (service, requests, context) => service.Sum(requests, context));
        binder.AddServerStreamingMethod(Count, static (service, request, responses, context) => service.Count(request, responses, context));
        binder.AddServerStreamingMethod(Zip, static (service, request, responses, context) => service.Zip(request, responses, context));
        binder.AddDuplexStreamingMethod(Chat, static (service, requests, responses, context) => service.Chat(requests, responses, context));
    }

    public sealed class Client : ClientBase<Client>
    {
        public Client(ChannelBase channel)
            : base(channel)
        {
        }

        public Client(CallInvoker callInvoker)
            : base(callInvoker)
        {
        }

        /// <summary>The call invoker, exposed so tests can see which channel a client uses.</summary>
        public CallInvoker Invoker => CallInvoker;

        public AsyncUnaryCall<StringValue> EchoAsync(string text, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(Echo, null, options, new StringValue { Value = text });

        public AsyncUnaryCall<StringValue> FailAsync(string instruction, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(Fail, null, options, new StringValue { Value = instruction });

        public AsyncUnaryCall<Empty> WaitAsync(int milliseconds, CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(Wait, null, options, new Int32Value { Value = milliseconds });

        public AsyncUnaryCall<Empty> HeadersAsync(CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(Headers, null, options, new Empty());

        public AsyncClientStreamingCall<Int32Value, Int32Value> Sum(CallOptions options = default) =>
            CallInvoker.AsyncClientStreamingCall(Tester.Sum, null, options);

        public AsyncServerStreamingCall<Int32Value> Count(int count, CallOptions options = default) =>
            CallInvoker.AsyncServerStreamingCall(Tester.Count, null, options, new Int32Value { Value = count });

        public AsyncDuplexStreamingCall<StringValue, StringValue> Chat(CallOptions options = default) =>
            CallInvoker.AsyncDuplexStreamingCall(Tester.Chat, null, options);

        public AsyncUnaryCall<StringValue> MissingAsync(CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(Missing, null, options, new StringValue());

        public AsyncUnaryCall<StringValue> UnknownServiceAsync(CallOptions options = default) =>
            CallInvoker.AsyncUnaryCall(UnknownService, null, options, new StringValue());
    }
}
