using CrmPlatform.Grpc.Health;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Grpc;

public static class GrpcHealthEndpointRouteBuilderExtensions
{
    /// <summary>Maps grpc.health.v1.Health, reporting the <see cref="GrpcHealthState"/> registered by <c>AddGrpc</c>.</summary>
    public static GrpcEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthServiceImpl>();
}
