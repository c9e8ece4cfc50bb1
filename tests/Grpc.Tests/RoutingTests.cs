using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class RoutingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly Tester.Client _client = fixture.Server.CreateClient();

    [Fact]
    public async Task UnknownMethodOfAKnownServiceIsUnimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.MissingAsync().ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("Missing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownServiceIsUnimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UnknownServiceAsync().ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("test.Nowhere", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentTypeIsRejectedWith415()
    {
        using var http = fixture.Server.CreateHttp2Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue()), "application/json"));

        Assert.Equal(415, response.HttpStatus);
    }

    [Fact]
    public async Task GrpcOverHttp1IsRejectedWith426()
    {
        using var http = fixture.Server.CreateHttp1Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/test.Tester/Echo", RawGrpc.Frame(new StringValue()), version: System.Net.HttpVersion.Version11));

        Assert.Equal(426, response.HttpStatus);
    }

    [Fact]
    public async Task NonGrpcRequestsToUnknownPathsAreLeftToOtherEndpoints()
    {
        using var http = fixture.Server.CreateHttp2Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/some/page", [], "text/plain"));

        Assert.Equal(404, response.HttpStatus);
    }
}
