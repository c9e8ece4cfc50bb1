using CrmPlatform.Bench;

namespace CrmPlatform.GrpcBench;

/// <summary>Before loading a server, one request checks that it echoes the framed request byte for byte with grpc-status 0.</summary>
internal static class EchoCheck
{
    public static async Task VerifyAsync(string server, H2LoadRequest request)
    {
        var body = await GrpcCheck.VerifyAsync(server, request);
        var sent = await File.ReadAllBytesAsync(request.BodyFile);
        if (!body.AsSpan().SequenceEqual(sent))
        {
            throw new InvalidOperationException($"{server} did not echo: {body.Length} body bytes for a {sent.Length}-byte request.");
        }
    }
}
