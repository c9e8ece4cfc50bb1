using System.Net;
using System.Net.Http.Headers;

namespace CrmPlatform.Grpc;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private readonly byte[] _frameHeader = new byte[GrpcProtocol.HeaderSize];
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private Task<Metadata>? _headersTask;
    private Status? _headerStatus;
    private Status? _status;
    private Metadata? _trailers;
    private int _finished;

    public ICompressionProvider? ResponseCompression { get; private set; }

    public int? MaxReceiveMessageSize => _channel.Options.MaxReceiveMessageSize;

    public byte[] FrameHeaderBuffer => _frameHeader;

    /// <summary>The next message of a streaming response; null once the call ended with OK.</summary>
    public async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelUser), this)
            : default;
        try
        {
            if (_status is { } ended)
            {
                return ended.StatusCode == StatusCode.OK ? null : throw new RpcException(ended, _trailers);
            }

            var stream = await GetResponseStreamAsync().ConfigureAwait(false);
            var message = stream is null ? null : await ClientMessageReader.ReadAsync(this, stream, _method.ResponseParser, _cts.Token).ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }

            FinishFromTrailers(missingMessage: false);
            return _status!.Value.StatusCode == StatusCode.OK ? null : throw new RpcException(_status.Value, _trailers);
        }
        catch (Exception exception) when (exception is not RpcException || _status is null)
        {
            throw Fail(exception);
        }
    }

    public Status GetStatus() => _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() => _status is null
        ? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.")
        : _trailers ?? Metadata.Empty;

    public void Dispose()
    {
        if (_status is null)
        {
            Cancel(CancelDisposed);
            Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), null);
        }

        _response?.Dispose();
    }

    /// <summary>Ends the call locally with the status an exception maps to; aborts the HTTP stream.</summary>
    public RpcException Fail(Exception exception)
    {
        var status = Volatile.Read(ref _cancelReason) switch
        {
            CancelUser or CancelDisposed => new Status(StatusCode.Cancelled, "Call canceled by the client."),
            CancelDeadline => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
            _ => ClientErrors.ToStatus(exception),
        };
        Finish(status, (exception as RpcException)?.Trailers);
        if (_cancelReason == CancelNone && status.StatusCode != StatusCode.OK)
        {
            _cts.Cancel();
        }

        var ended = _status!.Value;
        return new RpcException(ended, _trailers, exception is RpcException ? null : $"{ended} ({exception.GetType().Name}: {exception.Message})");
    }

    private async Task<TResponse> ReadSingleResponseAsync()
    {
        try
        {
            var stream = await GetResponseStreamAsync().ConfigureAwait(false);
            TResponse? message = null;
            if (stream is not null)
            {
                message = await ClientMessageReader.ReadAsync(this, stream, _method.ResponseParser, _cts.Token).ConfigureAwait(false);
                if (message is not null && await ClientMessageReader.ReadAsync(this, stream, _method.ResponseParser, _cts.Token).ConfigureAwait(false) is not null)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Received more than one response message for a call with a single response."));
                }
            }

            FinishFromTrailers(missingMessage: message is null);
            var status = _status!.Value;
            return status.StatusCode == StatusCode.OK ? message! : throw new RpcException(status, _trailers);
        }
        catch (Exception exception) when (exception is not RpcException || _status is null)
        {
            throw Fail(exception);
        }
        finally
        {
            _response?.Dispose();
        }
    }

    /// <summary>Waits for the response headers; null when the call already ended there (HTTP error or trailers-only).</summary>
    private async ValueTask<Stream?> GetResponseStreamAsync()
    {
        if (_responseStream is not null)
        {
            return _responseStream;
        }

        var response = await _responseTask.ConfigureAwait(false);
        if (CheckHeaders(response) is { } status)
        {
            _headerStatus = status;
            return null;
        }

        var encoding = FirstValue(response.Headers, GrpcProtocol.EncodingHeader);
        ResponseCompression = encoding is null ? null : _channel.Compression.Find(encoding);
        _responseStream = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
        return _responseStream;
    }

    private async Task<Metadata> GetResponseHeadersAsync() => await (_headersTask ??= ReadResponseHeadersAsync()).ConfigureAwait(false);

    private async Task<Metadata> ReadResponseHeadersAsync()
    {
        try
        {
            var response = await _responseTask.ConfigureAwait(false);
            return ReadMetadata(response.Headers);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Fail(exception);
        }
    }

    private static Status? CheckHeaders(HttpResponseMessage response)
    {
        if (FirstValue(response.Headers, GrpcProtocol.StatusHeader) is { } headerStatus)
        {
            return ParseStatus(headerStatus, FirstValue(response.Headers, GrpcProtocol.MessageHeader));
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(ClientErrors.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        return RequestValidation.IsContentType(contentType, GrpcProtocol.GrpcContentType)
            ? null
            : new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
    }

    /// <summary>Ends the call with the status from the trailers (or from the headers of a trailers-only response).</summary>
    private void FinishFromTrailers(bool missingMessage)
    {
        var trailers = _headerStatus is null ? _response!.TrailingHeaders : _response!.Headers;
        var status = _headerStatus
            ?? (FirstValue(trailers, GrpcProtocol.StatusHeader) is { } value
                ? ParseStatus(value, FirstValue(trailers, GrpcProtocol.MessageHeader))
                : new Status(StatusCode.Internal, "No grpc-status found on response."));
        if (missingMessage && status.StatusCode == StatusCode.OK)
        {
            status = new Status(StatusCode.Internal, "The response has no message.");
        }

        Finish(status, ReadMetadata(trailers));
    }

    private void Finish(Status status, Metadata? trailers)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        _trailers = trailers ?? new Metadata();
        _status = status;
        _deadlineTimer?.Dispose();
        _userRegistration.Dispose();
        _pushContent?.Abort();
        if (_activity is not null)
        {
            GrpcTelemetry.StopActivity(_activity, status.StatusCode, isServer: false);
        }

        if (_startTimestamp != 0)
        {
            GrpcTelemetry.RecordDuration(GrpcTelemetry.ClientDuration, _method, status.StatusCode, _startTimestamp);
        }
    }

    private static Status ParseStatus(string code, string? message) =>
        int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? new Status((StatusCode)value, message is null ? string.Empty : PercentEncoding.Decode(message))
            : new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{code}'.");

    private static string? FirstValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? FirstOf(values) : null;

    private static string? FirstOf(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            return value;
        }

        return null;
    }

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            var key = header.Key.ToLowerInvariant();
            foreach (var value in header.Value)
            {
                MetadataEncoding.TryAdd(metadata, key, value);
            }
        }

        return metadata;
    }
}
