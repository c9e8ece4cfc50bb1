using System.Buffers;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

internal sealed partial class HttpServerCallContext
{
    private bool _headersPrepared;
    private bool _clientGone;
    private ICompressionProvider? _responseCompression;

    /// <summary>The client reset the stream; Kestrel may report it to readers and writers before cancelling RequestAborted.</summary>
    public void MarkClientGone() => _clientGone = true;

    /// <summary>Parses one received frame payload, decompressing it when flagged.</summary>
    public T ParseMessage<T>(in ReadOnlySequence<byte> payload, byte flags, MessageParser<T> parser)
        where T : IMessage<T>
    {
        if ((flags & ~GrpcProtocol.CompressedFlag) != 0)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Invalid message frame flags."));
        }

        try
        {
            return (flags & GrpcProtocol.CompressedFlag) == 0
                ? parser.ParseFrom(payload)
                : parser.ParseFrom(Decompress(payload));
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize the request message."));
        }
    }

    public ValueTask WriteMessageAsync(IMessage message, WriteOptions? options, bool flush, CancellationToken cancellationToken)
    {
        if (_writeLock is not null)
        {
            return WriteMessageLockedAsync(message, options, flush, cancellationToken);
        }

        WriteMessageCore(message, options);
        return flush ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    private async ValueTask WriteMessageLockedAsync(IMessage message, WriteOptions? options, bool flush, CancellationToken cancellationToken)
    {
        await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            WriteMessageCore(message, options);
            if (flush)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ExitWrite();
        }
    }

    private void WriteMessageCore(IMessage message, WriteOptions? options)
    {
        if (Volatile.Read(ref _completed) != 0)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }

        if (!_headersPrepared)
        {
            PrepareResponseHeaders();
        }

        var size = message.CalculateSize();
        if (size > Runtime.Options.MaxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        var writer = _httpContext.Response.BodyWriter;
        var flags = (options ?? WriteOptions)?.Flags ?? 0;
        if (_responseCompression is not null && (flags & WriteFlags.NoCompress) == 0)
        {
            MessageFrame.WriteCompressed(writer, CompressionProviders.Compress(_responseCompression, message.ToByteArray()));
        }
        else
        {
            MessageFrame.WriteMessage(writer, message, size);
        }
    }

    /// <summary>Flushes; a client that has gone away ends the handler's writing instead of silently dropping messages.</summary>
    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var result = await _httpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted || result.IsCanceled)
        {
            MarkClientGone();
            throw new OperationCanceledException("The response stream is closed.", _httpContext.RequestAborted);
        }
    }

    private void PrepareResponseHeaders()
    {
        _headersPrepared = true;
        var response = _httpContext.Response;
        response.ContentType = Mode switch
        {
            ProtocolMode.GrpcWeb => GrpcProtocol.GrpcWebResponseContentType,
            ProtocolMode.GrpcWebText => GrpcProtocol.GrpcWebTextResponseContentType,
            _ => GrpcProtocol.GrpcContentType,
        };
        var headers = response.Headers;
        var algorithm = _perCallResponseEncoding ?? Runtime.Options.ResponseCompressionAlgorithm;
        if (algorithm is not null
            && !string.Equals(algorithm, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
            && AcceptsEncoding(_httpContext.Request.Headers[GrpcProtocol.AcceptEncodingHeader], algorithm)
            && Runtime.Compression.Find(algorithm) is { } provider)
        {
            _responseCompression = provider;
            headers[GrpcProtocol.EncodingHeader] = provider.EncodingName;
        }

        AdvertiseEncodings(headers);
    }

    /// <summary>
    /// Lists the supported encodings when compression is in play (the request or the response uses it);
    /// other responses skip the header, which Kestrel would store in a per-response dictionary.
    /// </summary>
    private void AdvertiseEncodings(IHeaderDictionary headers)
    {
        if (_responseCompression is not null || _httpContext.Request.Headers.ContainsKey(GrpcProtocol.EncodingHeader))
        {
            headers[GrpcProtocol.AcceptEncodingHeader] = Runtime.Compression.AcceptEncoding;
        }
    }

    private ReadOnlySequence<byte> Decompress(in ReadOnlySequence<byte> payload)
    {
        var encoding = _httpContext.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length == 0 || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Internal, "Request message is flagged as compressed but the request has no grpc-encoding."));
        }

        var provider = Runtime.Compression.Find(encoding)
            ?? throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {Runtime.Compression.AcceptEncoding}"));
        byte[]? decompressed;
        try
        {
            decompressed = CompressionProviders.Decompress(provider, payload, Runtime.Options.MaxReceiveMessageSize);
        }
        catch (InvalidDataException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Request message could not be decompressed with {provider.EncodingName}."));
        }

        return decompressed is null
            ? throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."))
            : new ReadOnlySequence<byte>(decompressed);
    }
}
