using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>Keeps each listener to its job: OTLP/HTTP only on its port, OTLP/gRPC only on its port, the UI on the rest.</summary>
internal static class PortRouting
{
    public static Task Middleware(HttpContext context, RequestDelegate next)
    {
        var ports = context.RequestServices.GetRequiredService<DashboardPorts>();
        var port = context.Connection.LocalPort;
        var isOtlpHttp = context.Request.Path.StartsWithSegments("/v1");
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        var allowed = port == ports.OtlpHttp ? isOtlpHttp
            : port == ports.OtlpGrpc ? isGrpc
            : !isOtlpHttp && !isGrpc;
        if (allowed)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
