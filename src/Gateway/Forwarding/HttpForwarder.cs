using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Forwards one request to a destination of a cluster, in YARP's order: status and headers first, then the body as
/// it arrives (flushed chunk by chunk, never buffered), then the trailers, then the response is completed, and only
/// then is the request-body copy awaited. A client abort cancels the upstream call and resets the client's HTTP/2
/// stream with CANCEL. A call that failed to connect (nothing of it sent) is retried once on another destination.
/// A request body that has wholly arrived before forwarding starts (a unary call's one message, the usual case) goes
/// upstream in one piece with its length, so its HEADERS and DATA leave together and the service finds the whole
/// message at once; any other body is streamed as it arrives. Response data is flushed whenever the next read would
/// wait (or 64 KB are pending), so a stream's messages are never held back, while a unary response leaves with its trailers.
/// </summary>
internal sealed partial class HttpForwarder(ILogger<HttpForwarder> logger)
{
    private const int BufferSize = 16 * 1024;
    private const int MaxWholeBody = 64 * 1024;
    private const int MaxUnflushed = 64 * 1024;
    private const int Http2Cancel = 0x8;
    private const int Http2InternalError = 0x2;

    public async Task ForwardAsync(HttpContext context, Cluster cluster)
    {
        AllowStreamingRequestBody(context);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var wholeBody = TryTakeWholeBody(context);
        Destination? failed = null;
        while (true)
        {
            var destination = cluster.PickDestination(excluded: failed);
            if (destination is null)
            {
                var reason = failed is null
                    ? $"no healthy destination for cluster {cluster.Id}"
                    : $"destination {failed.Id} of cluster {cluster.Id} ({failed.Prefix}) is unreachable and no other destination is healthy";
                LogUnavailable(logger, context.Request.Path, reason);
                GrpcErrorResponse.WriteUnavailable(context, reason);
                return;
            }

            destination.Enter();
            try
            {
                if (await TryForwardToAsync(context, cluster, destination, wholeBody, retryAllowed: failed is null, cancellation))
                {
                    return;
                }
            }
            finally
            {
                destination.Leave();
            }

            failed = destination;
        }
    }

    /// <returns>False when the call failed to connect, nothing was sent, and it may go to another destination.</returns>
    private async Task<bool> TryForwardToAsync(
        HttpContext context, Cluster cluster, Destination destination, byte[]? wholeBody, bool retryAllowed, CancellationTokenSource cancellation)
    {
        var streamed = wholeBody is null && NeedsContent(context) ? new StreamCopyHttpContent(context.Request.Body) : null;
        using var request = CreateRequest(context, destination, wholeBody is null ? streamed : new ByteArrayContent(wholeBody));
        HttpResponseMessage response;
        try
        {
            response = await cluster.Invoker.SendAsync(request, cancellation.Token);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested)
        {
            LogClientAborted(logger, context.Request.Path, destination.Id, exception.GetType().Name);
            ResetOrAbort(context, Http2Cancel);
            return true;
        }
        catch (HttpRequestException exception) when (streamed is not { Started: true } && exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            MarkFailed(cluster, destination, exception);
            if (retryAllowed)
            {
                return false;
            }

            GrpcErrorResponse.WriteUnavailable(context, $"destination {destination.Id} of cluster {cluster.Id} ({destination.Prefix}) is unreachable: {exception.Message}");
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            MarkFailed(cluster, destination, exception);
            await CancelRequestBodyAsync(streamed, cancellation);
            GrpcErrorResponse.WriteUnavailable(context, $"destination {destination.Id} of cluster {cluster.Id} failed the call: {exception.Message}");
            return true;
        }

        using (response)
        {
            await CopyResponseAsync(context, cluster, destination, response, cancellation);
        }

        if (streamed is { Started: true })
        {
            // The call is over once its trailers are through; a request stream the client has not ended is cut.
            if (!streamed.Completion.IsCompleted)
            {
                await cancellation.CancelAsync();
            }

            if (await streamed.Completion is { } requestBodyError)
            {
                LogRequestBodyEnded(logger, context.Request.Path, destination.Id, requestBodyError.GetType().Name);
            }
        }

        return true;
    }

    private async Task CopyResponseAsync(HttpContext context, Cluster cluster, Destination destination, HttpResponseMessage response, CancellationTokenSource cancellation)
    {
        var downstream = context.Response;
        downstream.StatusCode = (int)response.StatusCode;
        ForwardedHeaders.CopyResponseHeaders(response.Headers, downstream.Headers);
        ForwardedHeaders.CopyResponseHeaders(response.Content.Headers, downstream.Headers);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var upstreamFailed = false;
        try
        {
            await using var upstream = await response.Content.ReadAsStreamAsync(cancellation.Token);
            var unflushed = 0;
            while (true)
            {
                int read;
                try
                {
                    var reading = upstream.ReadAsync(buffer, cancellation.Token);
                    if (unflushed > 0 && (!reading.IsCompleted || unflushed >= MaxUnflushed))
                    {
                        await downstream.BodyWriter.FlushAsync(cancellation.Token);
                        unflushed = 0;
                    }

                    read = await reading;
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    upstreamFailed = true;
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                downstream.BodyWriter.Write(buffer.AsSpan(0, read));
                unflushed += read;
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or HttpRequestException)
        {
            await cancellation.CancelAsync();
            if (upstreamFailed)
            {
                MarkFailed(cluster, destination, exception);
                ResetOrAbort(context, Http2InternalError);
            }
            else
            {
                LogClientAborted(logger, context.Request.Path, destination.Id, exception.GetType().Name);
                ResetOrAbort(context, Http2Cancel);
            }

            return;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (context.Features.Get<IHttpResponseTrailersFeature>() is { } trailers)
        {
            ForwardedHeaders.CopyResponseHeaders(response.TrailingHeaders, trailers.Trailers);
        }

        await downstream.CompleteAsync();
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, Destination destination, HttpContent? content)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(
            HttpMethod.Parse(incoming.Method),
            new Uri(destination.Prefix + incoming.PathBase + incoming.Path + incoming.QueryString, UriKind.Absolute))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        ForwardedHeaders.CopyRequestHeaders(incoming.Headers, request);
        return request;
    }

    /// <summary>
    /// The request body when all of it has already arrived and it is small; else null, and it will be streamed.
    /// Only what is buffered is looked at: this never waits for the client.
    /// </summary>
    private static byte[]? TryTakeWholeBody(HttpContext context)
    {
        if (!NeedsContent(context) || !context.Request.BodyReader.TryRead(out var result))
        {
            return null;
        }

        var buffer = result.Buffer;
        if (result.IsCompleted && buffer.Length <= MaxWholeBody)
        {
            var body = buffer.ToArray();
            context.Request.BodyReader.AdvanceTo(buffer.End);
            return body;
        }

        context.Request.BodyReader.AdvanceTo(buffer.Start);
        return null;
    }

    /// <summary>
    /// A request with a body, or with content headers but none (a gRPC stream the client ended at once): the
    /// content carries <c>content-type</c> even when it is empty.
    /// </summary>
    private static bool NeedsContent(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody is not false
        || context.Request.Headers.ContentType.Count > 0;

    /// <summary>The destination's connection failed or broke, as opposed to a failure of this one call.</summary>
    private static bool IsTransportFailure(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded } => true,
        HttpIOException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded } => true,
        { InnerException: { } inner } => IsTransportFailure(inner),
        _ => false,
    };

    /// <summary>gRPC streams are limited message by message by the services, not by Kestrel's whole-body limit or data rate.</summary>
    private static void AllowStreamingRequestBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }

    private static async Task CancelRequestBodyAsync(StreamCopyHttpContent? content, CancellationTokenSource cancellation)
    {
        if (content is { Started: true })
        {
            await cancellation.CancelAsync();
            await content.Completion;
        }
    }

    private static void ResetOrAbort(HttpContext context, int errorCode)
    {
        if (context.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(errorCode);
            return;
        }

        context.Abort();
    }

    private void MarkFailed(Cluster cluster, Destination destination, Exception exception)
    {
        LogDestinationFailed(logger, destination.Id, cluster.Id, exception.Message);
        if (IsTransportFailure(exception) && cluster.MarkFailed(destination))
        {
            LogMarkedUnhealthy(logger, destination.Id, cluster.Id, cluster.Config.HealthCheck.Passive.ReactivationPeriod);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destination {DestinationId} of cluster {ClusterId} failed: {Reason}")]
    private static partial void LogDestinationFailed(ILogger logger, string destinationId, string clusterId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destination {DestinationId} of cluster {ClusterId} marked unhealthy for {Period}")]
    private static partial void LogMarkedUnhealthy(ILogger logger, string destinationId, string clusterId, TimeSpan period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Path} with UNAVAILABLE: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client aborted {Path} forwarded to {DestinationId} ({Error})")]
    private static partial void LogClientAborted(ILogger logger, string path, string destinationId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request body of {Path} to {DestinationId} ended early ({Error})")]
    private static partial void LogRequestBodyEnded(ILogger logger, string path, string destinationId, string error);
}
