using CrmPlatform.Grpc.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Tests;

public sealed class MessageSizeTests
{
    [Fact]
    public async Task RequestLargerThanTheServerLimitIsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 1024);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new string('x', 2000)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("ok", (await client.EchoAsync("ok")).Value);
    }

    [Fact]
    public async Task DefaultServerLimitIsFourMegabytes()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new string('x', (4 * 1024 * 1024) + 1)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseLargerThanTheServerSendLimitIsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxSendMessageSize = 100);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new string('x', 200)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseLargerThanTheClientReceiveLimitIsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient(new GrpcChannelOptions { MaxReceiveMessageSize = 100 });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new string('x', 200)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task RequestLargerThanTheClientSendLimitFailsBeforeSending()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient(new GrpcChannelOptions { MaxSendMessageSize = 100 });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new string('x', 200)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
