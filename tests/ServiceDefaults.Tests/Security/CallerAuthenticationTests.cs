using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.ServiceDefaults.Tests.Security;

public sealed class CallerAuthenticationTests : IAsyncLifetime
{
    private static readonly Caller SalesRep = new(
        "user-1", "tenant-a", new HashSet<string> { Roles.SalesRep }, new HashSet<string> { "north" });

    private SecuredServer _server = null!;

    public async Task InitializeAsync() => _server = await SecuredServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_valid_token_gives_the_handler_the_caller()
    {
        var token = Tokens(TimeProvider.System).Issue(SalesRep, TimeSpan.FromMinutes(5));

        var reply = await _server.Client.GetAsync(new Empty(), SecuredServer.Bearer(token));

        Assert.Equal("user-1", reply.UserId);
        Assert.Equal("tenant-a", reply.TenantId);
        Assert.Equal([Roles.SalesRep], reply.Roles);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.Client.GetAsync(new Empty()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("bearer token is required", error.Status.Detail);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var anHourAgo = new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var token = Tokens(anHourAgo).Issue(SalesRep, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await _server.Client.GetAsync(new Empty(), SecuredServer.Bearer(token)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("The token has expired.", error.Status.Detail);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var forger = new CallerTokens(
            SecuredServer.Settings with { SigningKey = "someone-elses-signing-key-32-bytes-long" }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.Client.GetAsync(
            new Empty(), SecuredServer.Bearer(forger.Issue(SalesRep, TimeSpan.FromMinutes(5)))));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_caller_without_the_role_is_denied()
    {
        var token = Tokens(TimeProvider.System).Issue(SalesRep, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await _server.Client.GetAsAdminAsync(new Empty(), SecuredServer.Bearer(token)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains(Roles.Admin, error.Status.Detail);
    }

    [Fact]
    public void A_short_signing_key_is_refused_at_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => (SecuredServer.Settings with { SigningKey = "short" }).Validate());

        Assert.Contains("at least 32 bytes", error.Message);
    }

    private static CallerTokens Tokens(TimeProvider time) => new(SecuredServer.Settings, time);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
