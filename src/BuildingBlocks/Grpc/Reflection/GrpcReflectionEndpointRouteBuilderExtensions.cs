using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Grpc;

public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps grpc.reflection.v1 and grpc.reflection.v1alpha ServerReflection, describing every service mapped with a
    /// protobuf descriptor (generated services register theirs; pass it to <c>MapGrpcService</c> for hand-written ones).
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGrpcService<Reflection.V1.ServerReflectionServiceImpl>();
        var v1Alpha = endpoints.MapGrpcService<Reflection.V1Alpha.ServerReflectionServiceImpl>();
        return new GrpcEndpointConventionBuilder([v1, v1Alpha]);
    }
}
