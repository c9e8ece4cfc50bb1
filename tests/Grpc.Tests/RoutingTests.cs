using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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

    [Fact]
    public async Task MiddlewareAfterRoutingSeesTheCalledMethodsEndpoint()
    {
        await using var server = await GrpcTestServer.StartAsync(map: app => app.Use((context, next) =>
        {
            context.Response.Headers["x-endpoint"] = context.GetEndpoint()?.DisplayName ?? "none";
            return next(context);
        }));
        var client = server.CreateClient();

        using var call = client.EchoAsync("hi");
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("hi", (await call.ResponseAsync).Value);
        Assert.Equal("gRPC - /test.Tester/Echo", headers.GetValue("x-endpoint"));
    }

    [Fact]
    public async Task AMethodPathInOtherLetterCaseIsStillRoutedToTheMethod()
    {
        using var http = fixture.Server.CreateHttp2Client();

        var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/TEST.Tester/ECHO", RawGrpc.Frame(new StringValue { Value = "hi" })));

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(StatusCode.OK, response.GrpcStatus);
    }
}
