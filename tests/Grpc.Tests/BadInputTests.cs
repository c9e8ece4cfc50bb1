using System.Net;
using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

/// <summary>Malformed requests sent by hand: each gets a clean status, nothing escapes, and the server keeps serving.</summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly GrpcTestServer _server = fixture.Server;

    public static TheoryData<string, byte[], StatusCode> MalformedBodies => new()
    {
        { "truncated frame header", [0, 0, 0], StatusCode.Internal },
        { "length prefix larger than the body", RawGrpc.Frame(new byte[10], declaredLength: 100), StatusCode.Internal },
        { "length prefix of 2 GB", RawGrpc.Frame(new byte[10], declaredLength: 0x8000_0000), StatusCode.ResourceExhausted },
        { "length prefix of 4 GB", RawGrpc.Frame([], declaredLength: uint.MaxValue), StatusCode.ResourceExhausted },
        { "empty body", [], StatusCode.Internal },
        { "two messages for a unary call", [.. RawGrpc.Frame(new StringValue { Value = "a" }), .. RawGrpc.Frame(new StringValue { Value = "b" })], StatusCode.Internal },
        { "garbage protobuf", RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), StatusCode.Internal },
        { "unknown frame flags", RawGrpc.Frame(new StringValue { Value = "a" }, flags: 0x80), StatusCode.Internal },
        { "compressed flag without grpc-encoding", RawGrpc.Frame(new StringValue { Value = "a" }, flags: 1), StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBodyGetsAStatusAndTheServerKeepsServing(string description, byte[] body, StatusCode expected)
    {
        using var http = _server.CreateHttp2Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/test.Tester/Echo", body));

        Assert.True(expected == response.GrpcStatus, $"{description}: expected {expected}, got {response.GrpcStatus} ({response.GrpcMessage})");
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task GzipPayloadThatIsNotGzipIsInternal()
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame([1, 2, 3, 4, 5, 6], flags: 1));
        request.Headers.Add("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("1")]
    [InlineData("abc")]
    [InlineData("10X")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData("123456789S")]
    [InlineData(" 1S")]
    public async Task InvalidGrpcTimeoutIsRejectedWithInternal(string timeout)
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "a" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("grpc-timeout", response.GrpcMessage, StringComparison.Ordinal);
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData("99999999H")]
    [InlineData("99999999n")]
    [InlineData("0S")]
    [InlineData("1u")]
    [InlineData("5M")]
    public async Task ExtremeButValidGrpcTimeoutsAreHonoured(string timeout)
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "a" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Contains(response.GrpcStatus, new StatusCode?[] { StatusCode.OK, StatusCode.DeadlineExceeded });
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task MalformedBinaryMetadataIsInternalWhenTheHandlerReadsIt()
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Headers", RawGrpc.Frame(new Empty()));
        request.Headers.TryAddWithoutValidation("x-bad-bin", "!!!not base64!!!");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task OversizedMetadataFailsCleanlyAndTheServerKeepsServing()
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "a" }));
        request.Headers.TryAddWithoutValidation("x-huge", new string('h', 200_000));

        var outcome = await Record.ExceptionAsync(async () =>
        {
            var response = await RawGrpc.SendAsync(http, request);
            Assert.NotEqual(StatusCode.OK, response.GrpcStatus);
        });

        Assert.True(outcome is null or HttpRequestException or IOException, outcome?.ToString());
        await AssertServerStillServesAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/grpcx")]
    [InlineData("application/json")]
    [InlineData("")]
    public async Task UnknownContentTypeIsRejectedWith415(string contentType)
    {
        using var http = _server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue()));
        request.Content!.Headers.Remove("Content-Type");
        if (contentType.Length > 0)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(415, response.HttpStatus);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task Http1GrpcRequestIsRejectedWith426()
    {
        using var http = _server.CreateHttp1Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue()), version: HttpVersion.Version11));

        Assert.Equal(426, response.HttpStatus);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task InvalidBase64InGrpcWebTextIsInternal()
    {
        using var http = _server.CreateHttp1Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/test.Tester/Echo", "@@@@"u8.ToArray(), "application/grpc-web-text", HttpVersion.Version11));

        Assert.Contains("grpc-status:13", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(response.Body))), StringComparison.Ordinal);
        await AssertServerStillServesAsync();
    }

    private async Task AssertServerStillServesAsync()
    {
        var reply = await _server.CreateClient().EchoAsync("still here");
        Assert.Equal("still here", reply.Value);
        Assert.Empty(_server.Logs.UnhandledExceptions);
    }
}
