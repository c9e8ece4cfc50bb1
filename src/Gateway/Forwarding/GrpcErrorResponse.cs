using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>A gRPC trailers-only answer written by the gateway itself, when a call cannot reach any destination.</summary>
internal static class GrpcErrorResponse
{
    private const string Unavailable = "14";

    public static void WriteUnavailable(HttpContext context, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = Unavailable;
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}
