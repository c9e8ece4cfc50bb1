using System.Buffers.Binary;
using CrmPlatform.GrpcBench.Protos;
using Google.Protobuf;

namespace CrmPlatform.GrpcBench;

internal static class EchoFrames
{
    /// <summary>A gRPC length-prefixed, uncompressed frame holding an EchoMessage with <paramref name="payloadSize"/> bytes.</summary>
    public static byte[] Create(int payloadSize)
    {
        var payload = new byte[payloadSize];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i % 251);
        }

        var message = new EchoMessage { Payload = ByteString.CopyFrom(payload) }.ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
