using System.Net;
using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>Maps HTTP and transport failures to gRPC statuses, as the gRPC HTTP/2 spec prescribes.</summary>
internal static class ClientErrors
{
    public static StatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    public static Status ToStatus(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc.Status;
        }

        if (FindProtocolError(exception) is { } protocolError)
        {
            return new Status(FromHttp2ErrorCode(protocolError.ErrorCode), $"The HTTP/2 stream was reset: {protocolError.Message}");
        }

        return exception switch
        {
            InvalidProtocolBufferException => new Status(StatusCode.Internal, "Failed to deserialize the response message."),
            HttpRequestException => new Status(StatusCode.Unavailable, $"Error starting gRPC call. {exception.GetType().Name}: {exception.Message}"),
            IOException => new Status(StatusCode.Unavailable, $"Error reading the response. {exception.GetType().Name}: {exception.Message}"),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled."),
            _ => new Status(StatusCode.Internal, $"Error in gRPC call. {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static HttpProtocolException? FindProtocolError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is HttpProtocolException protocolError)
            {
                return protocolError;
            }
        }

        return null;
    }

    private static StatusCode FromHttp2ErrorCode(long code) => code switch
    {
        0x7 => StatusCode.Unavailable,
        0x8 => StatusCode.Cancelled,
        0xB => StatusCode.ResourceExhausted,
        0xC => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
