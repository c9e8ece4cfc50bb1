using CrmPlatform.Grpc.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Tests;

public sealed class MetadataTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly Tester.Client _client = fixture.Server.CreateClient();

    [Fact]
    public async Task RequestMetadataReachesTheHandlerAndComesBackInHeadersAndTrailers()
    {
        var binary = new byte[] { 0, 1, 2, 254, 255 };
        var headers = new Metadata { { "x-user", "ada" }, { "x-blob-bin", binary } };

        var call = _client.HeadersAsync(new CallOptions(headers));
        await call;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Equal("ada", responseHeaders.GetValue("echo-x-user"));
        Assert.Equal(binary, responseHeaders.GetValueBytes("echo-x-blob-bin"));
        Assert.Equal("ada", trailers.GetValue("trailer-x-user"));
        Assert.Equal(binary, trailers.GetValueBytes("trailer-x-blob-bin"));
    }

    [Fact]
    public async Task UnpaddedBase64BinaryMetadataIsAccepted()
    {
        using var http = fixture.Server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Headers", RawGrpc.Frame(new Google.Protobuf.WellKnownTypes.Empty()));
        request.Headers.TryAddWithoutValidation("x-data-bin", "AQI");

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("AQI=", response.Response.Headers.GetValues("echo-x-data-bin").Single());
    }

    [Fact]
    public async Task RpcExceptionTrailersReachTheClient()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.FailAsync("rpc:NotFound:no such customer").ResponseAsync);

        Assert.Equal("42", error.Trailers.GetValue("error-id"));
        Assert.Equal(new byte[] { 1, 2, 3 }, error.Trailers.GetValueBytes("error-bin"));
    }

    [Fact]
    public void MetadataKeysAreLowerCasedAndBinaryKeysNeedBytes()
    {
        var metadata = new Metadata { { "X-Trace", "1" } };

        Assert.Equal("x-trace", metadata[0].Key);
        Assert.Throws<ArgumentException>(() => metadata.Add("x-blob-bin", "text"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-blob", [1]));
        Assert.Throws<ArgumentException>(() => metadata.Add("bad key", "v"));
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("a", "b"));
    }
}
