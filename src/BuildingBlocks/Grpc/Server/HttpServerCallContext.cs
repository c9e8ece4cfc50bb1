using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CrmPlatform.Grpc;

/// <summary>The server side of one call on an <see cref="HttpContext"/>: headers, deadline, message framing and status.</summary>
internal sealed partial class HttpServerCallContext : ServerCallContext
{
    private readonly HttpContext _httpContext;
    private readonly IMethod _method;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object>? _userState;
    private Status _status = Status.DefaultSuccess;
    private string? _perCallResponseEncoding;

    public HttpServerCallContext(HttpContext httpContext, IMethod method, GrpcServerRuntime runtime, ProtocolMode mode)
    {
        _httpContext = httpContext;
        _method = method;
        Runtime = runtime;
        Mode = mode;
    }

    public GrpcServerRuntime Runtime { get; }

    public ProtocolMode Mode { get; }

    public PipeReader RequestBody => _httpContext.Request.BodyReader;

    /// <summary>
    /// Wakes a pending body read because the call was cancelled. A client reset is left to Kestrel, which
    /// aborts the body itself.
    /// </summary>
    public void CancelPendingBodyRead()
    {
        if (!_httpContext.RequestAborted.IsCancellationRequested)
        {
            _httpContext.Request.BodyReader.CancelPendingRead();
        }
    }

    public override string Method => _method.FullName;

    public override string Host => _httpContext.Request.Host.Value ?? string.Empty;

    public override string Peer
    {
        get
        {
            var connection = _httpContext.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } address => $"ipv6:[{address}]:{connection.RemotePort}",
                var address => $"ipv4:{address}:{connection.RemotePort}",
            };
        }
    }

    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override Status Status
    {
        get => _status;
        set => _status = value;
    }

    public override WriteOptions? WriteOptions { get; set; }

    public override IDictionary<object, object> UserState => _userState ??= [];

    public override HttpContext GetHttpContext() => _httpContext;

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await EnterWriteAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (_headersPrepared || _httpContext.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            var headers = _httpContext.Response.Headers;
            foreach (var entry in responseHeaders)
            {
                if (string.Equals(entry.Key, GrpcProtocol.InternalEncodingRequestHeader, StringComparison.Ordinal))
                {
                    _perCallResponseEncoding = entry.Value;
                }
                else if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.Append(entry.Key, MetadataEncoding.EncodeValue(entry));
                }
            }

            PrepareResponseHeaders();
            await _httpContext.Response.StartAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitWrite();
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _httpContext.Request.Headers)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (value is not null && !MetadataEncoding.TryAdd(metadata, header.Key.ToLowerInvariant(), value))
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"Malformed binary metadata value for '{header.Key}'."));
                }
            }
        }

        return metadata;
    }

    private static bool AcceptsEncoding(StringValues acceptEncoding, string encoding)
    {
        foreach (var value in acceptEncoding)
        {
            foreach (var part in (value ?? string.Empty).AsSpan().Split(','))
            {
                if (value.AsSpan()[part].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
