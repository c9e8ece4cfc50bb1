using CrmPlatform.Grpc.Interop.Testing;
using Google.Protobuf;

namespace CrmPlatform.Grpc.Interop;

/// <summary>Payloads of zeros, as every interop case uses.</summary>
public static class Payloads
{
    public static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    public static bool IsZeros(Payload? payload, int size) =>
        payload is not null && payload.Body.Length == size && !payload.Body.Span.ContainsAnyExcept((byte)0);
}
