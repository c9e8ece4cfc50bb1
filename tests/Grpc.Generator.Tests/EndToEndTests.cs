using System.Reflection;
using Crm.Sample.V1;
using CrmPlatform.Grpc.Generator.Tests.Legacy;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace CrmPlatform.Grpc.Generator.Tests;

/// <summary>
/// Protos/ is compiled by protoc (messages) and by the generator as an analyzer (services), exactly
/// as Contracts does; these tests inspect the result.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public void Service_classes_are_static_and_expose_protocs_service_descriptors()
    {
        Assert.True(typeof(InventoryService).IsAbstract && typeof(InventoryService).IsSealed);
        Assert.Equal("crm.sample.v1.InventoryService", InventoryService.Descriptor.FullName);
        Assert.Equal("crm.sample.v1.Audit", Audit.Descriptor.FullName);
        Assert.Equal("legacy.echo_v2.Echo", Echo.Descriptor.FullName);
        Assert.Equal(
            ["GetItem", "ListItems", "UploadPrices", "WatchStock", "Ping"],
            InventoryService.Descriptor.Methods.Select(method => method.Name));
    }

    [Fact]
    public void Base_class_binds_through_the_service_class()
    {
        var attribute = typeof(InventoryService.InventoryServiceBase).GetCustomAttribute<BindServiceMethodAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal(typeof(InventoryService), attribute.BindType);
        var bindService = attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static);
        Assert.NotNull(bindService);
        var serviceType = Assert.Single(bindService.GetGenericArguments());
        Assert.Equal([typeof(InventoryService.InventoryServiceBase)], serviceType.GetGenericParameterConstraints());
        Assert.Equal(typeof(ServiceBinder<>).MakeGenericType(serviceType), Assert.Single(bindService.GetParameters()).ParameterType);
    }

    [Fact]
    public void Base_class_has_one_virtual_method_per_rpc_with_grpc_dotnet_signatures()
    {
        var baseType = typeof(InventoryService.InventoryServiceBase);

        Assert.True(baseType.IsAbstract);
        AssertVirtual(baseType, "GetItem", typeof(Task<Item>), typeof(GetItemRequest), typeof(ServerCallContext));
        AssertVirtual(baseType, "ListItems", typeof(Task), typeof(Page.Types.Cursor), typeof(IServerStreamWriter<Item>), typeof(ServerCallContext));
        AssertVirtual(baseType, "UploadPrices", typeof(Task<Money>), typeof(IAsyncStreamReader<Money>), typeof(ServerCallContext));
        AssertVirtual(baseType, "WatchStock", typeof(Task), typeof(IAsyncStreamReader<StockChange>), typeof(IServerStreamWriter<StockChange>), typeof(ServerCallContext));
        AssertVirtual(baseType, "Ping", typeof(Task<Timestamp>), typeof(Empty), typeof(ServerCallContext));
    }

    [Fact]
    public async Task Unimplemented_methods_fail_with_UNIMPLEMENTED()
    {
        var service = new EmptyInventory();

        var exception = await Assert.ThrowsAsync<RpcException>(() => service.GetItem(new GetItemRequest(), null!));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
        Assert.Equal("Method crm.sample.v1.InventoryService/GetItem is unimplemented.", exception.Status.Detail);
    }

    [Fact]
    public void Client_has_both_overloads_per_rpc_with_grpc_dotnet_names()
    {
        var clientType = typeof(InventoryService.InventoryServiceClient);

        Assert.Equal(typeof(ClientBase<InventoryService.InventoryServiceClient>), clientType.BaseType);
        Assert.NotNull(clientType.GetConstructor([typeof(ChannelBase)]));
        Assert.NotNull(clientType.GetConstructor([typeof(CallInvoker)]));
        AssertClientOverloads(clientType, "GetItemAsync", typeof(AsyncUnaryCall<Item>), typeof(GetItemRequest));
        AssertClientOverloads(clientType, "ListItems", typeof(AsyncServerStreamingCall<Item>), typeof(Page.Types.Cursor));
        AssertClientOverloads(clientType, "UploadPrices", typeof(AsyncClientStreamingCall<Money, Money>), null);
        AssertClientOverloads(clientType, "WatchStock", typeof(AsyncDuplexStreamingCall<StockChange, StockChange>), null);
        AssertClientOverloads(clientType, "PingAsync", typeof(AsyncUnaryCall<Timestamp>), typeof(Empty));
    }

    [Fact]
    public async Task Client_calls_the_invoker_with_the_method_the_request_and_the_options()
    {
        var invoker = new RecordingCallInvoker();
        var client = new InventoryService.InventoryServiceClient(invoker);
        var headers = new Metadata { { "x-tenant", "acme" } };
        var deadline = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var request = new GetItemRequest { Id = "sku-1" };

        var item = await client.GetItemAsync(request, headers, deadline);

        Assert.Equal("sku-1", item.Id);
        Assert.Equal("/crm.sample.v1.InventoryService/GetItem", invoker.Method!.FullName);
        Assert.Equal(MethodType.Unary, invoker.Method.Type);
        Assert.Same(request, invoker.Request);
        Assert.Same(headers, invoker.Options.Headers);
        Assert.Equal(deadline, invoker.Options.Deadline);
    }

    [Fact]
    public void Streaming_client_methods_use_the_matching_method_types()
    {
        var invoker = new RecordingCallInvoker();
        var client = new InventoryService.InventoryServiceClient(invoker);

        Assert.Throws<CallRecorded>(() => client.ListItems(new Page.Types.Cursor()));
        Assert.Equal((MethodType.ServerStreaming, "/crm.sample.v1.InventoryService/ListItems"), (invoker.Method!.Type, invoker.Method.FullName));
        Assert.Throws<CallRecorded>(() => client.UploadPrices());
        Assert.Equal((MethodType.ClientStreaming, "/crm.sample.v1.InventoryService/UploadPrices"), (invoker.Method!.Type, invoker.Method.FullName));
        Assert.Throws<CallRecorded>(() => client.WatchStock());
        Assert.Equal((MethodType.DuplexStreaming, "/crm.sample.v1.InventoryService/WatchStock"), (invoker.Method!.Type, invoker.Method.FullName));
        Assert.Throws<CallRecorded>(() => new Echo.EchoClient(invoker).SayAsync(new Phrase()));
    }

    private static void AssertVirtual(Type type, string name, Type returnType, params Type[] parameterTypes)
    {
        var method = type.GetMethod(name, parameterTypes);
        Assert.NotNull(method);
        Assert.True(method.IsVirtual && !method.IsAbstract, name + " should be virtual with a default body");
        Assert.Equal(returnType, method.ReturnType);
    }

    private static void AssertClientOverloads(Type clientType, string name, Type returnType, Type? requestType)
    {
        var leading = requestType is null ? Array.Empty<Type>() : [requestType];
        var withOptions = clientType.GetMethod(name, [.. leading, typeof(CallOptions)]);
        var withHeaders = clientType.GetMethod(name, [.. leading, typeof(Metadata), typeof(DateTime?), typeof(CancellationToken)]);
        Assert.NotNull(withOptions);
        Assert.NotNull(withHeaders);
        Assert.Equal(returnType, withOptions.ReturnType);
        Assert.Equal(returnType, withHeaders.ReturnType);
        Assert.True(withOptions.IsVirtual && withHeaders.IsVirtual);
        Assert.All(withHeaders.GetParameters().Skip(leading.Length), parameter => Assert.True(parameter.IsOptional, parameter.Name + " should be optional"));
    }

    private sealed class EmptyInventory : InventoryService.InventoryServiceBase;

    private sealed class CallRecorded : Exception;

    /// <summary>Records what the generated client passes; answers GetItem, stops every other call with <see cref="CallRecorded"/>.</summary>
    private sealed class RecordingCallInvoker : CallInvoker
    {
        public IMethod? Method { get; private set; }

        public object? Request { get; private set; }

        public CallOptions Options { get; private set; }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Record(method, options, request);
            if (typeof(TResponse) != typeof(Item))
            {
                throw new CallRecorded();
            }

            var response = (TResponse)(object)new Item { Id = ((GetItemRequest)(object)request).Id };
            return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
        }

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Record(method, options, request);
            throw new CallRecorded();
        }

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        {
            Record(method, options, null);
            throw new CallRecorded();
        }

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        {
            Record(method, options, null);
            throw new CallRecorded();
        }

        private void Record(IMethod method, CallOptions options, object? request)
        {
            Method = method;
            Options = options;
            Request = request;
        }
    }
}
