using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace CrmPlatform.Grpc;

/// <summary>The 5-byte length-prefixed message framing shared by server and client.</summary>
internal static class MessageFrame
{
    /// <summary>Size below which a message is serialized straight into one span of the output.</summary>
    private const int ContiguousWriteLimit = 64 * 1024;

    /// <summary>
    /// Reads one frame header from <paramref name="buffer"/>; false when fewer than 5 bytes are buffered.
    /// </summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, out byte flags, out uint length)
    {
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            flags = 0;
            length = 0;
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        flags = header[0];
        length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return true;
    }

    public static void WriteHeader(Span<byte> destination, byte flags, int length)
    {
        destination[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Writes an uncompressed message of known size with its header.</summary>
    public static void WriteMessage(IBufferWriter<byte> output, IMessage message, int size)
    {
        if (size <= ContiguousWriteLimit)
        {
            var span = output.GetSpan(GrpcProtocol.HeaderSize + size);
            WriteHeader(span, 0, size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            output.Advance(GrpcProtocol.HeaderSize + size);
            return;
        }

        WriteHeader(output.GetSpan(GrpcProtocol.HeaderSize), 0, size);
        output.Advance(GrpcProtocol.HeaderSize);
        message.WriteTo(output);
    }

    /// <summary>Writes an already-compressed payload with the compressed flag.</summary>
    public static void WriteCompressed(IBufferWriter<byte> output, ReadOnlySpan<byte> payload)
    {
        var span = output.GetSpan(GrpcProtocol.HeaderSize + payload.Length);
        WriteHeader(span, GrpcProtocol.CompressedFlag, payload.Length);
        payload.CopyTo(span[GrpcProtocol.HeaderSize..]);
        output.Advance(GrpcProtocol.HeaderSize + payload.Length);
    }
}
