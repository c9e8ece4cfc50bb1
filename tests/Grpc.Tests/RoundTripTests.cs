using CrmPlatform.Grpc.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Grpc.Tests;

public sealed class RoundTripTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly Tester.Client _client = fixture.Server.CreateClient();

    [Fact]
    public async Task UnaryCallReturnsTheResponseAndOkStatus()
    {
        var call = _client.EchoAsync("hello");

        var reply = await call;

        Assert.Equal("hello", reply.Value);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ManyConcurrentUnaryCallsShareTheChannel()
    {
        var calls = Enumerable.Range(0, 200).Select(i => _client.EchoAsync("m" + i).ResponseAsync);

        var replies = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => "m" + i), replies.Select(r => r.Value));
    }

    [Fact]
    public async Task ClientStreamingCallSumsEveryRequest()
    {
        using var call = _client.Sum();
        for (var i = 1; i <= 100; i++)
        {
            await call.RequestStream.WriteAsync(new Int32Value { Value = i });
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(5050, (await call).Value);
    }

    [Fact]
    public async Task ClientStreamingCallWithNoRequestsStillGetsAResponse()
    {
        using var call = _client.Sum();
        await call.RequestStream.CompleteAsync();

        Assert.Equal(0, (await call.ResponseAsync).Value);
    }

    [Fact]
    public async Task ServerStreamingCallDeliversEveryMessageInOrder()
    {
        using var call = _client.Count(50);

        var values = new List<int>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            values.Add(message.Value);
        }

        Assert.Equal(Enumerable.Range(1, 50), values);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreamingCallWithNoMessagesEndsWithOk()
    {
        using var call = _client.Count(0);

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task DuplexCallAnswersEachMessageWhileTheRequestStreamIsOpen()
    {
        using var call = _client.Chat();

        foreach (var text in new[] { "one", "two", "three" })
        {
            await call.RequestStream.WriteAsync(new StringValue { Value = text });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal("re: " + text, call.ResponseStream.Current.Value);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task LargeMessagesUnderTheLimitRoundTrip()
    {
        var text = new string('x', 3 * 1024 * 1024);

        var reply = await _client.EchoAsync(text);

        Assert.Equal(text.Length, reply.Value.Length);
    }

    [Fact]
    public async Task GetStatusBeforeTheCallEndsThrows()
    {
        using var call = _client.Count(1);

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }
}
