using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc;

/// <summary>For middleware in front of gRPC endpoints (authentication, rate limits) that must answer a call itself.</summary>
public static class GrpcHttpContextExtensions
{
    /// <summary>True for gRPC, gRPC-Web and gRPC-Web-text requests (by content type).</summary>
    public static bool IsGrpcRequest(this HttpRequest request) => RequestValidation.IsGrpcContentType(request.ContentType);

    /// <summary>
    /// Ends a gRPC call without a handler: a trailers-only response (HTTP 200, <c>grpc-status</c>, <c>grpc-message</c>
    /// and <paramref name="trailers"/> in the headers), or for gRPC-Web (after <c>UseGrpcWeb()</c>) the status frame
    /// in the body, as the call handlers answer.
    /// </summary>
    public static Task WriteGrpcStatusAsync(this HttpContext httpContext, Status status, Metadata? trailers = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var mode = httpContext.Features.Get<GrpcWebFeature>() switch
        {
            null => ProtocolMode.Grpc,
            { IsText: true } => ProtocolMode.GrpcWebText,
            _ => ProtocolMode.GrpcWeb,
        };
        var runtime = httpContext.RequestServices.GetRequiredService<GrpcServerRuntime>();
        var call = new HttpServerCallContext(httpContext, new AnsweredMethod(httpContext.Request.Path.Value ?? "/"), runtime, mode);
        foreach (var entry in trailers ?? Metadata.Empty)
        {
            call.ResponseTrailers.Add(entry);
        }

        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return call.EndCallAsync(status);
    }

    private sealed record AnsweredMethod(string FullName) : IMethod
    {
        public MethodType Type => MethodType.Unary;

        public string ServiceName => FullName.TrimStart('/').Split('/')[0];

        public string Name => FullName.TrimStart('/').Split('/').ElementAtOrDefault(1) ?? string.Empty;
    }
}
