using System.Buffers.Binary;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>Builds gRPC requests by hand, for tests of what the server does with unusual input.</summary>
public static class RawGrpc
{
    public static byte[] Frame(IMessage message, byte flags = 0) => Frame(message.ToByteArray(), flags);

    public static byte[] Frame(byte[] payload, byte flags = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>A POST of <paramref name="body"/>; HTTP/2 unless another <paramref name="version"/> is given.</summary>
    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc", Version? version = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = version ?? System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    /// <summary>Sends the request, reads the whole body, and returns the gRPC status from headers or trailers (null if none).</summary>
    public static async Task<RawResponse> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
        return new RawResponse((int)response.StatusCode, status is null ? null : (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), message, body, response);
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
