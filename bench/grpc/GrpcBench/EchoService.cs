using CrmPlatform.Grpc;
using CrmPlatform.GrpcBench.Protos;

namespace CrmPlatform.GrpcBench;

/// <summary>bench.Echo/Echo on our runtime: returns the request.</summary>
public sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
}
