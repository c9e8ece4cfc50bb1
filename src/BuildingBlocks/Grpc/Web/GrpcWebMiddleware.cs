using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

/// <summary>
/// Accepts gRPC-Web (<c>application/grpc-web[+proto]</c>) and gRPC-Web-text (<c>application/grpc-web-text[+proto]</c>,
/// base64 bodies) on any HTTP version; other requests pass through untouched.
/// </summary>
public sealed class GrpcWebMiddleware(RequestDelegate next)
{
    private static readonly GrpcWebFeature Binary = new(isText: false);
    private static readonly GrpcWebFeature Text = new(isText: true);

    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (RequestValidation.IsContentType(contentType, GrpcProtocol.GrpcWebContentType))
        {
            context.Features.Set(Binary);
            return next(context);
        }

        if (RequestValidation.IsContentType(contentType, GrpcProtocol.GrpcWebTextContentType))
        {
            context.Features.Set(Text);
            return InvokeTextAsync(context);
        }

        return next(context);
    }

    private async Task InvokeTextAsync(HttpContext context)
    {
        var requestBody = context.Request.Body;
        var responseBody = context.Response.Body;
        await using var encoder = new Base64EncodingStream(responseBody);
        context.Request.Body = new Base64DecodingStream(requestBody);
        context.Response.Body = encoder;
        try
        {
            await next(context).ConfigureAwait(false);
            await encoder.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            context.Request.Body = requestBody;
            context.Response.Body = responseBody;
        }
    }
}
