using System.Diagnostics;
using System.Net;
using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>
/// The client side of one call: one HTTP/2 request whose cancellation source is cancelled by the user's token,
/// the deadline timer or disposal — which aborts the stream.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private const string UserAgent = "crmplatform-grpc/1.0";
    private const int CancelNone = 0;
    private const int CancelUser = 1;
    private const int CancelDeadline = 2;
    private const int CancelDisposed = 3;

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts = new();
    private ICompressionProvider? _requestCompression;
    private PushStreamContent? _pushContent;
    private Timer? _deadlineTimer;
    private CancellationTokenRegistration _userRegistration;
    private int _cancelReason;
    private Task<HttpResponseMessage> _responseTask = null!;
    private Activity? _activity;
    private long _startTimestamp;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
    }

    public CancellationToken CallToken => _cts.Token;

    public WriteOptions? WriteOptions => _options.WriteOptions;

    public Task<TResponse> StartUnary(TRequest request)
    {
        if (!TryStartWithMessage(request, out var failure))
        {
            return Task.FromException<TResponse>(failure);
        }

        return ReadSingleResponseAsync();
    }

    public void StartServerStreaming(TRequest request)
    {
        if (!TryStartWithMessage(request, out var failure))
        {
            _responseTask = Task.FromException<HttpResponseMessage>(failure);
        }
    }

    public ClientStreamWriter<TRequest, TResponse> StartClientStreaming(out Task<TResponse> response)
    {
        var writer = StartStreamingRequest();
        response = ReadSingleResponseAsync();
        return writer;
    }

    public ClientStreamWriter<TRequest, TResponse> StartDuplexStreaming() => StartStreamingRequest();

    public CallState CreateState() => new(
        static state => ((GrpcCall<TRequest, TResponse>)state).GetResponseHeadersAsync(),
        static state => ((GrpcCall<TRequest, TResponse>)state).GetStatus(),
        static state => ((GrpcCall<TRequest, TResponse>)state).GetTrailers(),
        static state => ((GrpcCall<TRequest, TResponse>)state).Dispose(),
        this);

    /// <summary>Frames a request message, compressed unless the write options say otherwise.</summary>
    public byte[] SerializeMessage(TRequest message, WriteOptions? writeOptions)
    {
        var size = message.CalculateSize();
        if (size > _channel.Options.MaxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        if (_requestCompression is not null && ((writeOptions?.Flags ?? 0) & WriteFlags.NoCompress) == 0)
        {
            var compressed = CompressionProviders.Compress(_requestCompression, message.ToByteArray());
            var framedCompressed = new byte[GrpcProtocol.HeaderSize + compressed.Length];
            MessageFrame.WriteHeader(framedCompressed, GrpcProtocol.CompressedFlag, compressed.Length);
            compressed.CopyTo(framedCompressed.AsSpan(GrpcProtocol.HeaderSize));
            return framedCompressed;
        }

        var framed = new byte[GrpcProtocol.HeaderSize + size];
        MessageFrame.WriteHeader(framed, 0, size);
        message.WriteTo(framed.AsSpan(GrpcProtocol.HeaderSize));
        return framed;
    }

    private bool TryStartWithMessage(TRequest request, out Exception failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        failure = null!;
        try
        {
            _requestCompression = ResolveRequestCompression();
            Start(new FramedMessageContent(SerializeMessage(request, _options.WriteOptions)));
            return true;
        }
        catch (RpcException exception)
        {
            Finish(exception.Status, exception.Trailers);
            failure = exception;
            return false;
        }
    }

    private ClientStreamWriter<TRequest, TResponse> StartStreamingRequest()
    {
        _requestCompression = ResolveRequestCompression();
        _pushContent = new PushStreamContent();
        var writer = new ClientStreamWriter<TRequest, TResponse>(this, _pushContent);
        Start(_pushContent);
        return writer;
    }

    private void Start(HttpContent content)
    {
        if (_options.CancellationToken.CanBeCanceled)
        {
            _userRegistration = _options.CancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelUser), this);
        }

        TimeSpan? timeout = null;
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            timeout = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
            if (remaining <= TimeSpan.Zero)
            {
                Cancel(CancelDeadline);
            }
            else
            {
                _deadlineTimer = new Timer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelDeadline), this, Clamp(remaining), Timeout.InfiniteTimeSpan);
            }
        }

        _responseTask = SendAsync(CreateRequest(content, timeout));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        _activity = GrpcTelemetry.StartActivity(_method, ActivityKind.Client);
        _startTimestamp = GrpcTelemetry.ClientDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        var response = await _channel.HttpInvoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        _response = response;
        return response;
    }

    private HttpRequestMessage CreateRequest(HttpContent content, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.GrpcContentType);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("TE", "trailers");
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.Compression.AcceptEncoding);
        if (_requestCompression is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, _requestCompression.EncodingName);
        }

        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(value));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataEncoding.EncodeValue(entry));
                }
            }
        }

        return request;
    }

    private ICompressionProvider? ResolveRequestCompression()
    {
        var encoding = _options.Headers?.Get(GrpcProtocol.InternalEncodingRequestHeader)?.Value;
        if (encoding is null || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return _channel.Compression.Find(encoding)
            ?? throw new InvalidOperationException($"No compression provider for '{encoding}' is configured on the channel.");
    }

    private void Cancel(int reason)
    {
        if (Interlocked.CompareExchange(ref _cancelReason, reason, CancelNone) == CancelNone)
        {
            _cts.Cancel();
        }
    }

    private static TimeSpan Clamp(TimeSpan timeout) => timeout.TotalMilliseconds > int.MaxValue - 1 ? TimeSpan.FromMilliseconds(int.MaxValue - 1) : timeout;
}
