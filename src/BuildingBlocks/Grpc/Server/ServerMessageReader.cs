using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>Reads length-prefixed request messages from the request body pipe without copying.</summary>
internal static class ServerMessageReader
{
    /// <summary>The next message, or null at the end of the request body.</summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var reader = call.RequestBody;
        while (true)
        {
            var result = await ReadBodyAsync(call, cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            try
            {
                if (TryReadFrame(call, ref buffer, parser, out var message))
                {
                    consumed = buffer.Start;
                    return message;
                }

                if (result.IsCompleted)
                {
                    consumed = buffer.End;
                    return buffer.IsEmpty
                        ? null
                        : throw new RpcException(new Status(StatusCode.Internal, "Incomplete message."));
                }

                if (result.IsCanceled)
                {
                    throw new OperationCanceledException("Reading the request body was canceled.");
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, buffer.End);
            }
        }
    }

    /// <summary>
    /// Reads the only message of a unary or server-streaming request, then expects the end of the body.
    /// When the whole body is already buffered (the usual case) this completes synchronously, without allocating.
    /// </summary>
    public static ValueTask<T> ReadSingleMessageAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var reader = call.RequestBody;
        if (!reader.TryRead(out var result))
        {
            return ReadSingleMessageSlowAsync(call, parser, cancellationToken);
        }

        if (!result.IsCompleted || result.IsCanceled)
        {
            reader.AdvanceTo(result.Buffer.Start);
            return ReadSingleMessageSlowAsync(call, parser, cancellationToken);
        }

        var buffer = result.Buffer;
        try
        {
            if (!TryReadFrame(call, ref buffer, parser, out var message))
            {
                throw new RpcException(new Status(StatusCode.Internal, buffer.IsEmpty ? "Request has no message." : "Incomplete message."));
            }

            return buffer.IsEmpty
                ? new ValueTask<T>(message!)
                : throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    private static async ValueTask<T> ReadSingleMessageSlowAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var message = await ReadMessageAsync(call, parser, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "Request has no message."));
        var reader = call.RequestBody;
        while (true)
        {
            var result = await ReadBodyAsync(call, cancellationToken).ConfigureAwait(false);
            var hasData = !result.Buffer.IsEmpty;
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("Reading the request body was canceled.");
            }

            if (hasData)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
            }

            if (result.IsCompleted)
            {
                return message;
            }
        }
    }

    /// <summary>
    /// Reads the body pipe. Cancellation is turned into <see cref="PipeReader.CancelPendingRead"/> so the read ends
    /// with a result the caller still advances past; a read aborted by its token would leave Kestrel's HTTP/1.1 body
    /// reader "in progress" and break the draining of the request.
    /// </summary>
    private static async ValueTask<ReadResult> ReadBodyAsync(HttpServerCallContext call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((HttpServerCallContext)state!).CancelPendingBodyRead(), call)
            : default;
        try
        {
            return await call.RequestBody.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw new RpcException(new Status(StatusCode.Internal, exception.Message));
        }
        catch (IOException exception)
        {
            call.MarkClientGone();
            throw new OperationCanceledException("The request body was aborted.", exception);
        }
    }

    private static bool TryReadFrame<T>(HttpServerCallContext call, ref ReadOnlySequence<byte> buffer, MessageParser<T> parser, out T? message)
        where T : class, IMessage<T>
    {
        message = null;
        if (!MessageFrame.TryReadHeader(buffer, out var flags, out var length))
        {
            return false;
        }

        if (length > (uint)call.Runtime.MaxReceiveMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        if (buffer.Length < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }

        var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        message = call.ParseMessage(payload, flags, parser);
        buffer = buffer.Slice(payload.End);
        return true;
    }
}
