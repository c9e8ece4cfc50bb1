using System.Buffers.Binary;
using System.Net;
using System.Text;
using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class GrpcWebTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc-web+proto")]
    public async Task BinaryGrpcWebUnaryCallOverHttp1ReturnsTheMessageAndATrailerFrame(string contentType)
    {
        using var http = fixture.Server.CreateHttp1Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "web" }), contentType, HttpVersion.Version11);

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(200, response.HttpStatus);
        Assert.StartsWith("application/grpc-web", response.Response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var frames = ParseFrames(response.Body);
        Assert.Equal(2, frames.Count);
        Assert.Equal("web", StringValue.Parser.ParseFrom(frames[0].Payload).Value);
        Assert.Equal(0x80, frames[1].Flags);
        Assert.Contains("grpc-status:0", Encoding.ASCII.GetString(frames[1].Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextGrpcWebServerStreamingCallIsBase64EncodedEndToEnd()
    {
        using var http = fixture.Server.CreateHttp1Client();
        var body = Encoding.ASCII.GetBytes(Convert.ToBase64String(RawGrpc.Frame(new Int32Value { Value = 3 })));
        var request = RawGrpc.Request("/test.Tester/Count", body, "application/grpc-web-text", HttpVersion.Version11);

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(200, response.HttpStatus);
        Assert.StartsWith("application/grpc-web-text", response.Response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var frames = ParseFrames(DecodeBase64Segments(Encoding.ASCII.GetString(response.Body)));
        Assert.Equal([1, 2, 3], frames.Where(f => f.Flags == 0).Select(f => Int32Value.Parser.ParseFrom(f.Payload).Value));
        Assert.Contains("grpc-status:0", Encoding.ASCII.GetString(frames[^1].Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryGrpcWebServerStreamingCallWorksOverHttp2()
    {
        using var http = fixture.Server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Count", RawGrpc.Frame(new Int32Value { Value = 2 }), "application/grpc-web+proto");

        var response = await RawGrpc.SendAsync(http, request);

        var frames = ParseFrames(response.Body);
        Assert.Equal(3, frames.Count);
        Assert.Equal(0x80, frames[2].Flags);
    }

    [Fact]
    public async Task GrpcWebErrorIsReportedInTheTrailerFrame()
    {
        using var http = fixture.Server.CreateHttp1Client();
        var request = RawGrpc.Request("/test.Tester/Fail", RawGrpc.Frame(new StringValue { Value = "rpc:NotFound:nope" }), "application/grpc-web", HttpVersion.Version11);

        var response = await RawGrpc.SendAsync(http, request);

        var trailer = Encoding.ASCII.GetString(ParseFrames(response.Body).Single().Payload);
        Assert.Contains("grpc-status:5\r\n", trailer, StringComparison.Ordinal);
        Assert.Contains("grpc-message:nope\r\n", trailer, StringComparison.Ordinal);
        Assert.Contains("error-id:42\r\n", trailer, StringComparison.Ordinal);
    }

    /// <summary>Decodes base64 text made of padded segments written one after another.</summary>
    private static byte[] DecodeBase64Segments(string text)
    {
        var bytes = new List<byte>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('=', start);
            end = end < 0 ? text.Length : end;
            while (end < text.Length && text[end] == '=')
            {
                end++;
            }

            bytes.AddRange(Convert.FromBase64String(text[start..end]));
            start = end;
        }

        return [.. bytes];
    }

    private static List<(byte Flags, byte[] Payload)> ParseFrames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }
}
