using CrmPlatform.Grpc.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Tests;

public sealed class StatusTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly Tester.Client _client = fixture.Server.CreateClient();

    [Theory]
    [InlineData(StatusCode.NotFound, "customer 7 not found")]
    [InlineData(StatusCode.InvalidArgument, "name: must not be empty; 100% wrong")]
    [InlineData(StatusCode.FailedPrecondition, "Ünïcödé ✓ — line1\nline2\ttab")]
    [InlineData(StatusCode.Aborted, "")]
    public async Task RpcExceptionStatusAndDetailReachTheClientUnchanged(StatusCode code, string detail)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.FailAsync($"rpc:{code}:{detail}").ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(detail, error.Status.Detail);
    }

    [Fact]
    public async Task StatusSetOnTheContextIsSentInsteadOfTheResponse()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.FailAsync("status:PermissionDenied:not yours").ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("not yours", error.Status.Detail);
    }

    [Fact]
    public async Task ErrorBeforeAnyMessageIsATrailersOnlyResponse()
    {
        using var http = fixture.Server.CreateHttp2Client();
        var request = RawGrpc.Request("/test.Tester/Fail", RawGrpc.Frame(new Google.Protobuf.WellKnownTypes.StringValue { Value = "rpc:NotFound:gone 100%" }));

        var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal("5", response.Response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("gone 100%25", response.Response.Headers.GetValues("grpc-message").Single());
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task HandlerExceptionBecomesUnknownWithoutItsMessage()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.FailAsync("throw").ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerExceptionDetailIsSentWhenDetailedErrorsAreEnabled()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.EnableDetailedErrors = true);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.CreateClient().FailAsync("throw").ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("InvalidOperationException: secret internal detail", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new Tester.Client(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync("x").ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
