using System.Net;
using System.Net.Http.Headers;

namespace CrmPlatform.GrpcBench;

/// <summary>
/// Before loading a server, one request checks that it answers the framed request with the identical framed
/// response and grpc-status 0 (h2load itself only sees HTTP status 200, not the gRPC status).
/// </summary>
internal static class EchoCheck
{
    public static async Task VerifyAsync(string server, int port, byte[] requestFrame)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{H2Load.Path}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(requestFrame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single() : null;
        if (response.StatusCode != HttpStatusCode.OK || status != "0" || !body.AsSpan().SequenceEqual(requestFrame))
        {
            throw new InvalidOperationException(
                $"{server} did not echo: HTTP {(int)response.StatusCode}, grpc-status {status ?? "missing"}, {body.Length} body bytes for a {requestFrame.Length}-byte request.");
        }
    }
}
