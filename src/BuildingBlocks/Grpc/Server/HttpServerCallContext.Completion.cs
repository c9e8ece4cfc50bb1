using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrmPlatform.Grpc;

internal sealed partial class HttpServerCallContext
{
    /// <summary>Timers can't wait longer than int.MaxValue milliseconds (about 24.8 days).</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    private int _completed;
    private DateTime _deadline = DateTime.MaxValue;
    private SemaphoreSlim? _writeLock;
    private CancellationTokenSource? _deadlineCts;
    private Timer? _deadlineTimer;
    private Task? _deadlineTask;

    public override DateTime Deadline => _deadline;

    public override CancellationToken CancellationToken => _deadlineCts?.Token ?? _httpContext.RequestAborted;

    /// <summary>Reads <c>grpc-timeout</c> and starts the deadline timer.</summary>
    public void Initialize()
    {
        var values = _httpContext.Request.Headers[GrpcProtocol.TimeoutHeader];
        if (values.Count == 0)
        {
            return;
        }

        if (values.Count > 1 || !GrpcTimeout.TryParse(values[0], out var timeout))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Malformed grpc-timeout header '{values}'."));
        }

        if (timeout > MaxTimeout)
        {
            timeout = MaxTimeout;
        }

        _deadline = DateTime.UtcNow + timeout;
        _writeLock = new SemaphoreSlim(1, 1);
        _deadlineCts = CancellationTokenSource.CreateLinkedTokenSource(_httpContext.RequestAborted);
        _deadlineTimer = new Timer(static state => ((HttpServerCallContext)state!).OnDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends the status (in trailers, or in headers when nothing was sent yet). Only the first completion counts.</summary>
    public Task EndCallAsync(Status status)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return Task.CompletedTask;
        }

        _status = status;
        return _writeLock is null ? WriteStatusAsync(status) : EndCallLockedAsync(status);
    }

    /// <summary>Turns a handler failure into a status and ends the call with it, unless the call already ended (deadline).</summary>
    public async Task ProcessErrorAsync(Exception exception)
    {
        if (Volatile.Read(ref _completed) != 0)
        {
            ServerLog.CompletionFailed(Runtime.Logger, Method, exception);
            return;
        }

        Status status;
        if (exception is RpcException rpc)
        {
            status = rpc.Status;
            foreach (var entry in rpc.Trailers)
            {
                ResponseTrailers.Add(entry);
            }
        }
        else if (_clientGone || _httpContext.RequestAborted.IsCancellationRequested)
        {
            status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }
        else
        {
            ServerLog.HandlerError(Runtime.Logger, Method, exception);
            var detail = Runtime.Options.EnableDetailedErrors
                ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                : "Exception was thrown by handler.";
            status = new Status(StatusCode.Unknown, detail);
        }

        try
        {
            await EndCallAsync(status).ConfigureAwait(false);
        }
        catch (Exception writeError) when (writeError is IOException or OperationCanceledException or InvalidOperationException)
        {
            ServerLog.CompletionFailed(Runtime.Logger, Method, writeError);
        }
    }

    /// <summary>Stops the deadline timer and waits for a deadline completion in progress.</summary>
    public ValueTask ReleaseAsync() => _deadlineTimer is null ? ValueTask.CompletedTask : ReleaseDeadlineAsync();

    private async ValueTask ReleaseDeadlineAsync()
    {
        await _deadlineTimer!.DisposeAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _deadlineTask) is { } deadlineTask)
        {
            await deadlineTask.ConfigureAwait(false);
        }

        _deadlineCts!.Dispose();
        _writeLock!.Dispose();
    }

    private void OnDeadline() => Volatile.Write(ref _deadlineTask, DeadlineExceededAsync());

    /// <summary>Answers DEADLINE_EXCEEDED: cancels the handler, sends the status, completes the response, resets the stream.</summary>
    private async Task DeadlineExceededAsync()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        ServerLog.DeadlineExceeded(Runtime.Logger, Method);
        _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        await _deadlineCts!.CancelAsync().ConfigureAwait(false);
        await _writeLock!.WaitAsync().ConfigureAwait(false);
        try
        {
            await WriteStatusAsync(_status).ConfigureAwait(false);
            await _httpContext.Response.CompleteAsync().ConfigureAwait(false);
            _httpContext.Features.Get<IHttpResetFeature>()?.Reset(0);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            ServerLog.CompletionFailed(Runtime.Logger, Method, exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EndCallLockedAsync(Status status)
    {
        await _writeLock!.WaitAsync().ConfigureAwait(false);
        try
        {
            await WriteStatusAsync(status).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private ValueTask EnterWriteAsync(CancellationToken cancellationToken) =>
        _writeLock is null ? ValueTask.CompletedTask : new ValueTask(_writeLock.WaitAsync(cancellationToken));

    private void ExitWrite() => _writeLock?.Release();

    private Task WriteStatusAsync(Status status)
    {
        if (Mode != ProtocolMode.Grpc)
        {
            return WriteWebTrailersAsync(status);
        }

        var response = _httpContext.Response;
        if (!_headersPrepared && !response.HasStarted)
        {
            response.ContentType = GrpcProtocol.GrpcContentType;
            AdvertiseEncodings(response.Headers);
            AddStatus(response.Headers, status);
        }
        else if (_httpContext.Features.Get<IHttpResponseTrailersFeature>() is { } trailers)
        {
            AddStatus(trailers.Trailers, status);
        }

        return Task.CompletedTask;
    }

    private void AddStatus(IHeaderDictionary target, Status status)
    {
        target[GrpcProtocol.StatusHeader] = GrpcProtocol.ToWire(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            target[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        if (_responseTrailers is null)
        {
            return;
        }

        foreach (var entry in _responseTrailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                target.Append(entry.Key, MetadataEncoding.EncodeValue(entry));
            }
        }
    }

    private async Task WriteWebTrailersAsync(Status status)
    {
        if (!_headersPrepared)
        {
            PrepareResponseHeaders();
        }

        var text = new StringBuilder();
        text.Append(GrpcProtocol.StatusHeader).Append(':').Append(GrpcProtocol.ToWire(status.StatusCode)).Append("\r\n");
        if (!string.IsNullOrEmpty(status.Detail))
        {
            text.Append(GrpcProtocol.MessageHeader).Append(':').Append(PercentEncoding.Encode(status.Detail)).Append("\r\n");
        }

        foreach (var entry in _responseTrailers ?? Metadata.Empty)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                text.Append(entry.Key).Append(':').Append(MetadataEncoding.EncodeValue(entry)).Append("\r\n");
            }
        }

        var length = Encoding.ASCII.GetByteCount(text.ToString());
        var writer = _httpContext.Response.BodyWriter;
        var span = writer.GetSpan(GrpcProtocol.HeaderSize + length);
        MessageFrame.WriteHeader(span, GrpcProtocol.TrailersFlag, length);
        Encoding.ASCII.GetBytes(text.ToString(), span[GrpcProtocol.HeaderSize..]);
        writer.Advance(GrpcProtocol.HeaderSize + length);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
