using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmPlatform.Gateway.Tests.Forwarding.Probe;
using Google.Protobuf;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>What the browser app sees: gRPC-Web over HTTP/1.1 on the web port, translated to gRPC toward the service.</summary>
[Collection(ProbeGatewayCollection.Name)]
public sealed class GrpcWebThroughGatewayTests(ProbeGatewayFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false })
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    [Fact]
    public async Task Grpc_web_call_over_http1_gets_the_reply_and_the_trailers_as_the_trailer_frame()
    {
        using var response = await PostAsync("application/grpc-web+proto", Frame(0, new EchoRequest { Text = "from the browser" }.ToByteArray()));
        var frames = ReadFrames(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("application/grpc-web+proto", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, frames.Count);
        var reply = EchoReply.Parser.ParseFrom(frames[0].Payload);
        Assert.Equal("from the browser", reply.Text);
        Assert.Equal("Bearer browser-session", reply.Headers["authorization"]);
        Assert.Equal("application/grpc", reply.Headers["content-type"]);
        var trailers = Trailers(frames[1]);
        Assert.Equal("0", trailers["grpc-status"]);
        Assert.Equal("bye", trailers["x-probe-trailer"]);
    }

    [Fact]
    public async Task Grpc_web_text_call_is_answered_in_base64_with_its_trailer_frame()
    {
        var body = Convert.ToBase64String(Frame(0, new EchoRequest { Text = "text mode" }.ToByteArray()));
        using var response = await PostAsync("application/grpc-web-text", Encoding.ASCII.GetBytes(body));
        var frames = ReadFrames(DecodeBase64Segments(await response.Content.ReadAsStringAsync()));

        Assert.Equal("application/grpc-web-text+proto", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text mode", EchoReply.Parser.ParseFrom(frames[0].Payload).Text);
        Assert.Equal("0", Trailers(frames[^1])["grpc-status"]);
    }

    [Fact]
    public async Task Service_error_arrives_in_the_trailer_frame()
    {
        using var response = await PostAsync("application/grpc-web+proto", Frame(0, new EchoRequest { Text = "fail" }.ToByteArray()));
        var frames = ReadFrames(await response.Content.ReadAsByteArrayAsync());

        var trailers = Trailers(Assert.Single(frames));
        Assert.Equal("9", trailers["grpc-status"]);
        Assert.Equal("probe refuses: fail", Uri.UnescapeDataString(trailers["grpc-message"]));
        Assert.Equal("asked to", response.Headers.GetValues("x-probe-reason").Single());
    }

    [Fact]
    public async Task Cross_origin_preflight_gets_no_cors_permission()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(fixture.Gateway.WebAddress, "/gateway.probe.v1.Probe/Echo"));
        request.Headers.Add("Origin", "https://elsewhere.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await _http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> PostAsync(string contentType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway.WebAddress, "/gateway.probe.v1.Probe/Echo")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "browser-session");
        request.Headers.Add("x-grpc-web", "1");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static byte[] Frame(byte flags, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>gRPC-Web-text bodies are padded at every flush, so they are read quad by quad (each decodes on its own).</summary>
    private static byte[] DecodeBase64Segments(string text) =>
        Enumerable.Range(0, text.Length / 4).SelectMany(quad => Convert.FromBase64String(text.Substring(quad * 4, 4))).ToArray();

    private static List<(byte Flags, byte[] Payload)> ReadFrames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset + 1));
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }

    private static Dictionary<string, string> Trailers((byte Flags, byte[] Payload) frame)
    {
        Assert.Equal(0x80, frame.Flags);
        return Encoding.ASCII.GetString(frame.Payload)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
    }
}
