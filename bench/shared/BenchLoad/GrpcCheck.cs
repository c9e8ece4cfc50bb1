using System.Net;
using System.Net.Http.Headers;

namespace CrmPlatform.Bench;

/// <summary>
/// Before loading a server, one request sent exactly as h2load will send it must end with grpc-status 0 (h2load itself
/// only sees HTTP status 200, not the gRPC status).
/// </summary>
public static class GrpcCheck
{
    /// <returns>The response body: the framed answer.</returns>
    public static async Task<byte[]> VerifyAsync(string server, H2LoadRequest request)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(request.BodyFile)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.ParseAdd("trailers");
        foreach (var header in request.Headers)
        {
            var (name, value) = (header[..header.IndexOf(':', StringComparison.Ordinal)], header[(header.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single()
            : response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues.Single() : null;
        if (response.StatusCode != HttpStatusCode.OK || status != "0")
        {
            var detail = response.TrailingHeaders.TryGetValues("grpc-message", out var messages) ? messages.Single()
                : response.Headers.TryGetValues("grpc-message", out var headerMessages) ? headerMessages.Single() : string.Empty;
            throw new InvalidOperationException($"{server} failed {request.Url}: HTTP {(int)response.StatusCode}, grpc-status {status ?? "missing"} {Uri.UnescapeDataString(detail)}");
        }

        return body;
    }
}
