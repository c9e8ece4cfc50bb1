using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>Shaped like a generated service base class.</summary>
[BindServiceMethod(typeof(Tester), nameof(Tester.BindService))]
public abstract class TesterBase
{
    public virtual Task<StringValue> Echo(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<StringValue> Fail(StringValue request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> Wait(Int32Value request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> Headers(Empty request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Int32Value> Sum(IAsyncStreamReader<Int32Value> requestStream, ServerCallContext context) => throw Unimplemented();

    public virtual Task Count(Int32Value request, IServerStreamWriter<Int32Value> responseStream, ServerCallContext context) => throw Unimplemented();

    public virtual Task Zip(StringValue request, IServerStreamWriter<StringValue> responseStream, ServerCallContext context) => throw Unimplemented();

    public virtual Task Chat(IAsyncStreamReader<StringValue> requestStream, IServerStreamWriter<StringValue> responseStream, ServerCallContext context) => throw Unimplemented();

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, "unimplemented"));
}
