using CrmPlatform.Bench;
using CrmPlatform.GrpcBench.Protos;
using Google.Protobuf;

namespace CrmPlatform.GrpcBench;

internal static class EchoRequests
{
    public const string Path = "/bench.Echo/Echo";

    /// <summary>A file holding the framed EchoMessage with <paramref name="payloadSize"/> bytes.</summary>
    public static Task<TemporaryFile> WriteAsync(int payloadSize)
    {
        var payload = new byte[payloadSize];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i % 251);
        }

        return GrpcFrames.WriteAsync(new EchoMessage { Payload = ByteString.CopyFrom(payload) });
    }

    public static H2LoadRequest For(int port, TemporaryFile body) => new(new Uri($"http://127.0.0.1:{port}{Path}"), body.Path, []);
}
