using Microsoft.AspNetCore.Builder;

namespace CrmPlatform.Grpc;

public static class GrpcWebApplicationBuilderExtensions
{
    /// <summary>Lets browsers and proxies call the mapped gRPC services with gRPC-Web, over HTTP/1.1 or HTTP/2.</summary>
    public static IApplicationBuilder UseGrpcWeb(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<GrpcWebMiddleware>();
    }
}
