using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrmPlatform.Grpc;

/// <summary>
/// Accepts gRPC-Web (<c>application/grpc-web[+proto]</c>) and gRPC-Web-text (<c>application/grpc-web-text[+proto]</c>,
/// base64 bodies) on any HTTP version; other requests pass through untouched. Calls to services mapped here are
/// answered by their call handlers in gRPC-Web framing. Calls routed to any other endpoint (a forwarder) are
/// translated at the HTTP level, as grpc-dotnet's middleware does in front of YARP: the request becomes
/// <c>application/grpc</c> with <c>te: trailers</c>, and the response's trailers become the gRPC-Web trailer frame.
/// </summary>
public sealed class GrpcWebMiddleware(RequestDelegate next)
{
    private static readonly GrpcWebFeature Binary = new(isText: false);
    private static readonly GrpcWebFeature Text = new(isText: true);

    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        bool isText;
        if (RequestValidation.IsContentType(contentType, GrpcProtocol.GrpcWebContentType))
        {
            isText = false;
        }
        else if (RequestValidation.IsContentType(contentType, GrpcProtocol.GrpcWebTextContentType))
        {
            isText = true;
        }
        else
        {
            return next(context);
        }

        if (IsRoutedElsewhere(context.GetEndpoint()))
        {
            return TranslateAsync(context, isText);
        }

        context.Features.Set(isText ? Text : Binary);
        return isText ? InvokeTextAsync(context) : next(context);
    }

    /// <summary>True when routing picked an endpoint that is not one of our gRPC call handlers.</summary>
    private static bool IsRoutedElsewhere(Endpoint? endpoint) =>
        endpoint is not null
        && endpoint.Metadata.GetMetadata<IMethod>() is null
        && endpoint.Metadata.GetMetadata<UnimplementedCallHandler>() is null;

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

    private async Task TranslateAsync(HttpContext context, bool isText)
    {
        var request = context.Request;
        var requestBody = request.Body;
        var priorBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var priorTrailers = context.Features.Get<IHttpResponseTrailersFeature>();
        var responseStream = isText ? new Base64EncodingStream(priorBody.Stream) : priorBody.Stream;
        var response = new GrpcWebResponseBodyFeature(responseStream, priorBody);

        request.ContentType = GrpcProtocol.GrpcContentType;
        request.Headers[GrpcProtocol.TeHeader] = "trailers";
        if (isText)
        {
            request.Body = new Base64DecodingStream(requestBody);
            request.ContentLength = null;
        }

        context.Features.Set<IHttpResponseBodyFeature>(response);
        context.Features.Set<IHttpResponseTrailersFeature>(response);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (RequestValidation.IsContentType(headers.ContentType, GrpcProtocol.GrpcContentType))
            {
                headers.ContentType = isText ? GrpcProtocol.GrpcWebTextResponseContentType : GrpcProtocol.GrpcWebResponseContentType;

                // The trailer frame (and base64) make the body longer than the gRPC response it comes from.
                headers.ContentLength = null;
                response.MoveStatusToTrailers(headers);
            }

            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await response.CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            request.Body = requestBody;
            context.Features.Set(priorBody);
            context.Features.Set(priorTrailers);
        }
    }
}
