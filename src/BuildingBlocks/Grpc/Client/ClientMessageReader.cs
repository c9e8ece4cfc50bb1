using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>Reads length-prefixed response messages from the response stream into pooled buffers.</summary>
internal static class ClientMessageReader
{
    /// <summary>The next message, or null at the end of the response body.</summary>
    public static async ValueTask<TResponse?> ReadAsync<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, Stream stream, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var header = call.FrameHeaderBuffer;
        var read = await stream.ReadAtLeastAsync(header, GrpcProtocol.HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < GrpcProtocol.HeaderSize)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Incomplete message."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        var max = call.MaxReceiveMessageSize ?? int.MaxValue - GrpcProtocol.HeaderSize;
        if (length > (uint)max)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        var compressed = (header[0] & GrpcProtocol.CompressedFlag) != 0;
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var payload = buffer.AsMemory(0, (int)length);
            if (length > 0 && await stream.ReadAtLeastAsync(payload, (int)length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < length)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Incomplete message."));
            }

            return compressed ? Decompress(call, payload, parser) : parser.ParseFrom(payload.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TResponse Decompress<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, ReadOnlyMemory<byte> payload, MessageParser<TResponse> parser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var provider = call.ResponseCompression
            ?? throw new RpcException(new Status(StatusCode.Internal, "Response message is compressed but grpc-encoding names no supported encoding."));
        var decompressed = CompressionProviders.Decompress(provider, new ReadOnlySequence<byte>(payload), call.MaxReceiveMessageSize)
            ?? throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        return parser.ParseFrom(decompressed);
    }
}
