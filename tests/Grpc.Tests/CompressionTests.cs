using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class CompressionTests
{
    private static readonly Metadata Gzip = new() { { "grpc-internal-encoding-request", "gzip" } };

    [Fact]
    public async Task GzipRequestsAndResponsesRoundTrip()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var client = server.CreateClient();
        var text = new string('a', 100_000);

        var call = client.EchoAsync(text, new CallOptions(Gzip));
        var reply = await call;

        Assert.Equal(text, reply.Value);
    }

    [Fact]
    public async Task ServerCompressesResponsesWhenConfiguredAndTheClientAcceptsGzip()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = new string('z', 10_000) }));
        request.Headers.Add("grpc-accept-encoding", "identity,gzip");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("gzip", response.Response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 1000);
    }

    [Fact]
    public async Task ServerDoesNotCompressForClientsThatDoNotAcceptGzip()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "plain" }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.False(response.Response.Headers.Contains("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public async Task RequestWrittenWithNoCompressIsAcceptedOnACompressedCall()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();
        var options = new CallOptions(Gzip, writeOptions: new WriteOptions(WriteFlags.NoCompress));

        var reply = await client.EchoAsync("uncompressed on purpose", options);

        Assert.Equal("uncompressed on purpose", reply.Value);
    }

    [Fact]
    public async Task HandlerCanCompressOneCallAndSendSomeMessagesUncompressed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Zip", RawGrpc.Frame(new StringValue { Value = new string('q', 5000) }));
        request.Headers.Add("grpc-accept-encoding", "gzip");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("gzip", response.Response.Headers.GetValues("grpc-encoding").Single());
        var firstLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(response.Body.AsSpan(1));
        Assert.Equal(1, response.Body[0]);
        Assert.Equal(0, response.Body[5 + firstLength]);
    }

    [Fact]
    public async Task PerCallCompressedStreamIsReadByTheClient()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var channel = server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(Tester.Zip, null, default, new StringValue { Value = "zipped" });

        var texts = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            texts.Add(message.Value);
        }

        Assert.Equal(["zipped", "zipped"], texts);
    }

    [Fact]
    public async Task UnsupportedRequestEncodingIsUnimplementedAndListsSupportedEncodings()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "x" }, flags: 1));
        request.Headers.Add("grpc-encoding", "snappy");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Contains("gzip", response.Response.Headers.GetValues("grpc-accept-encoding").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompressedFlagWithoutGrpcEncodingIsInternal()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var http = server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue { Value = "x" }, flags: 1));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
    }

    [Fact]
    public async Task CompressedServerStreamingResponsesAreReadInOrder()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var client = server.CreateClient();
        using var call = client.Count(20);

        var count = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(++count, message.Value);
        }

        Assert.Equal(20, count);
    }
}
