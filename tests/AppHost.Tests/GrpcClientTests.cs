using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GrpcClientTests(DistributedAppFixture platform)
{
    [Fact]
    public async Task A_typed_client_calls_the_service_over_its_h2c_grpc_endpoint()
    {
        var client = platform.CreateClient<ProbeClient>("customers");

        var failure = await Assert.ThrowsAsync<RpcException>(() => client.ProbeAsync());

        // The service has no gRPC API yet: HTTP/2 reached it and it answered 404, which gRPC reports as UNIMPLEMENTED.
        Assert.Equal(StatusCode.Unimplemented, failure.StatusCode);
    }

    /// <summary>A hand-written client in the shape the generator emits, for a method no service implements.</summary>
    public sealed class ProbeClient(ChannelBase channel) : ClientBase<ProbeClient>(channel)
    {
        private static readonly Method<Empty, Empty> Probe = new(MethodType.Unary, "crm.probe.v1.Probe", "Probe", Empty.Parser, Empty.Parser);

        public async Task ProbeAsync() => await CallInvoker.AsyncUnaryCall(Probe, null, new CallOptions(), new Empty());
    }
}
