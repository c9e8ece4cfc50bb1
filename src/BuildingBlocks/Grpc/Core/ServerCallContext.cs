using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

/// <summary>What a service method knows about the call it is handling.</summary>
public abstract class ServerCallContext
{
    /// <summary><c>/package.Service/Method</c>.</summary>
    public abstract string Method { get; }

    public abstract string Host { get; }

    /// <summary><c>ipv4:addr:port</c> or <c>ipv6:[addr]:port</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>UTC deadline; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Custom trailers sent with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status sent when the method completes without throwing.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Cancelled when the client resets the call or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Default options for response writes.</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>
    /// Sends the response headers now. The reserved key <c>grpc-internal-encoding-request</c>
    /// selects the compression of the response messages for this call.
    /// </summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    public abstract HttpContext GetHttpContext();
}
