using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

/// <summary>Decides whether an HTTP request is a gRPC call this server can take, and answers it if not.</summary>
internal static class RequestValidation
{
    public static bool IsContentType(string? contentType, string expected)
    {
        if (string.Equals(contentType, expected, StringComparison.Ordinal))
        {
            return true;
        }

        if (contentType is null || !contentType.StartsWith(expected, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == expected.Length || contentType[expected.Length] is '+' or ';';
    }

    public static bool IsGrpcContentType(string? contentType) =>
        IsContentType(contentType, GrpcProtocol.GrpcContentType)
        || IsContentType(contentType, GrpcProtocol.GrpcWebContentType)
        || IsContentType(contentType, GrpcProtocol.GrpcWebTextContentType);

    /// <summary>The framing of a valid call, or an HTTP status (415, 426) to reject it with.</summary>
    public static bool TryGetMode(HttpContext httpContext, out ProtocolMode mode, out int rejectStatus)
    {
        var request = httpContext.Request;
        rejectStatus = 0;
        mode = ProtocolMode.Grpc;
        if (IsContentType(request.ContentType, GrpcProtocol.GrpcContentType))
        {
            if (HttpProtocol.IsHttp2(request.Protocol) || HttpProtocol.IsHttp3(request.Protocol))
            {
                return true;
            }

            rejectStatus = StatusCodes.Status426UpgradeRequired;
            return false;
        }

        if (httpContext.Features.Get<GrpcWebFeature>() is { } web)
        {
            mode = web.IsText ? ProtocolMode.GrpcWebText : ProtocolMode.GrpcWeb;
            return true;
        }

        rejectStatus = StatusCodes.Status415UnsupportedMediaType;
        return false;
    }

    public static Task RejectAsync(HttpContext httpContext, int status, GrpcServerRuntime runtime)
    {
        var response = httpContext.Response;
        var reason = status == StatusCodes.Status415UnsupportedMediaType
            ? $"Content-Type '{httpContext.Request.ContentType}' is not supported."
            : $"Request protocol '{httpContext.Request.Protocol}' is not supported; gRPC needs HTTP/2.";
        ServerLog.RequestRejected(runtime.Logger, httpContext.Request.Path, reason);
        response.StatusCode = status;
        if (status == StatusCodes.Status426UpgradeRequired)
        {
            response.Headers.Connection = "Upgrade";
            response.Headers.Upgrade = "HTTP/2";
        }

        response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.ToWire(StatusCode.Internal);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(reason);
        response.ContentType = "text/plain";
        return response.WriteAsync(reason, httpContext.RequestAborted);
    }
}
