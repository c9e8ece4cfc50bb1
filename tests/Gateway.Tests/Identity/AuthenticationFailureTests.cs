using System.Net;
using System.Net.Http.Headers;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Customers = CrmPlatform.Contracts.Customers.V1;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>The issue's table: no token, wrong role, expired token, revoked API key.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthenticationFailureTests(GatewayFixture fixture)
{
    private GatewayServer Gateway => fixture.Gateway;

    private Customers.Customers.CustomersClient CustomersViaGateway => new(Gateway.Channel);

    [Fact]
    public async Task No_token_is_unauthenticated_before_anything_is_forwarded()
    {
        Gateway.Forwarded.Clear();

        var forwarded = await Users.FailsAsync(() => CustomersViaGateway.ListAccountsAsync(new Customers.ListAccountsRequest()));
        var own = await Users.FailsAsync(() => Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest()));

        Assert.Equal(StatusCode.Unauthenticated, forwarded.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, own.StatusCode);
        Assert.Contains("x-api-key", forwarded.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(Gateway.Forwarded);
    }

    [Fact]
    public async Task No_token_is_a_trailers_only_grpc_response_or_a_401_for_plain_http()
    {
        using var client = new HttpClient();
        using var grpc = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway.GrpcAddress, GatewayServer.ForwardedMethod))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
        using var plain = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway.HttpAddress, GatewayServer.ForwardedMethod)) { Content = new StringContent("{}") };

        using var grpcResponse = await client.SendAsync(grpc);
        using var plainResponse = await client.SendAsync(plain);

        Assert.Equal(HttpStatusCode.OK, grpcResponse.StatusCode);
        Assert.Equal("16", grpcResponse.Headers.GetValues("grpc-status").Single());
        Assert.NotEmpty(grpcResponse.Headers.GetValues("grpc-message").Single());
        Assert.Empty(await grpcResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, plainResponse.StatusCode);
        Assert.Equal("Bearer", plainResponse.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("application/grpc-web+proto", false)]
    [InlineData("application/grpc-web-text+proto", true)]
    public async Task A_grpc_web_call_without_a_token_gets_its_status_in_the_body(string contentType, bool base64)
    {
        using var client = new HttpClient();
        byte[] emptyMessage = [0, 0, 0, 0, 0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Gateway.HttpAddress, GatewayServer.ForwardedMethod))
        {
            Content = base64
                ? new StringContent(Convert.ToBase64String(emptyMessage), MediaTypeHeaderValue.Parse(contentType))
                : new ByteArrayContent(emptyMessage) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };

        using var response = await client.SendAsync(request);
        var body = base64 ? Convert.FromBase64String(await response.Content.ReadAsStringAsync()) : await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0x80, body[0]);
        Assert.Contains("grpc-status:16", System.Text.Encoding.ASCII.GetString(body[5..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_role_is_permission_denied_by_the_gateway_and_by_the_service()
    {
        var analyst = await Gateway.SignInAsNewUserAsync([Roles.Analyst]);

        var gatewayAdminCall = await Users.FailsAsync(() => Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), analyst.Headers()));
        var serviceWrite = await Users.FailsAsync(() => fixture.Customers.Client.CreateAccountAsync(
            new Customers.CreateAccountRequest { Account = new Customers.Account { Kind = Customers.AccountKind.Company, DisplayName = "Read Only Ltd" } },
            analyst.Headers()));

        Assert.Equal(StatusCode.PermissionDenied, gatewayAdminCall.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, serviceWrite.StatusCode);
    }

    [Fact]
    public async Task An_api_key_with_a_wrong_role_is_permission_denied_by_the_service()
    {
        var key = await Gateway.CreateApiKeyAsync([Roles.Marketer]);
        Gateway.Forwarded.Clear();
        await Users.FailsAsync(() => CustomersViaGateway.CreateAccountAsync(new Customers.CreateAccountRequest(), Users.ApiKeyHeaders(key.Key)));
        var forwarded = Assert.Single(Gateway.Forwarded);

        var error = await Users.FailsAsync(() => fixture.Customers.Client.CreateAccountAsync(
            new Customers.CreateAccountRequest { Account = new Customers.Account { Kind = Customers.AccountKind.Company, DisplayName = "Campaign Ltd" } },
            new Metadata { { "authorization", forwarded.Authorization.ToString() } }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated_at_the_gateway()
    {
        var user = await Gateway.CreateUserAsync([Roles.Admin]);
        var caller = new Caller(user.Name["users/".Length..], user.TenantId, new HashSet<string> { Roles.Admin }, new HashSet<string>());
        var expired = new CallerTokens(GatewayServer.Auth, new ShiftedTime(TimeSpan.FromHours(-1))).Issue(caller, TimeSpan.FromMinutes(10));
        Gateway.Forwarded.Clear();

        var forwarded = await Users.FailsAsync(() => CustomersViaGateway.ListAccountsAsync(new Customers.ListAccountsRequest(), GatewayServer.Bearer(expired)));
        var own = await Users.FailsAsync(() => Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), GatewayServer.Bearer(expired)));

        Assert.Equal((StatusCode.Unauthenticated, "The token has expired."), (forwarded.StatusCode, forwarded.Status.Detail));
        Assert.Equal(StatusCode.Unauthenticated, own.StatusCode);
        Assert.Empty(Gateway.Forwarded);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var foreign = new TokenSettings(GatewayServer.Auth.Issuer, GatewayServer.Auth.Audience, "someone-elses-signing-key-of-32-bytes-or-more");
        var token = new CallerTokens(foreign, TimeProvider.System).Issue(
            new Caller(Guid.NewGuid().ToString(), "default", new HashSet<string> { Roles.Admin }, new HashSet<string>()), TimeSpan.FromMinutes(5));

        var error = await Users.FailsAsync(() => Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), GatewayServer.Bearer(token)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_revoked_api_key_is_unauthenticated_on_forwarded_calls()
    {
        var key = await Gateway.CreateApiKeyAsync([Roles.Analyst]);
        var admin = await Gateway.SignInAsAdminAsync();
        await Gateway.Client.RevokeApiKeyAsync(new Proto.RevokeApiKeyRequest { Name = key.ApiKey.Name }, admin.Headers());
        Gateway.Forwarded.Clear();

        var error = await Users.FailsAsync(() => CustomersViaGateway.ListAccountsAsync(new Customers.ListAccountsRequest(), Users.ApiKeyHeaders(key.Key)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Empty(Gateway.Forwarded);
    }

    [Fact]
    public async Task A_valid_token_gets_past_the_gateway_unchanged()
    {
        var rep = await Gateway.SignInAsNewUserAsync([Roles.SalesRep]);
        Gateway.Forwarded.Clear();

        await Users.FailsAsync(() => CustomersViaGateway.ListAccountsAsync(new Customers.ListAccountsRequest(), rep.Headers()));

        Assert.Equal("Bearer " + rep.AccessToken, Assert.Single(Gateway.Forwarded).Authorization.ToString());
        var accounts = await fixture.Customers.Client.ListAccountsAsync(new Customers.ListAccountsRequest(), rep.Headers());
        Assert.NotNull(accounts);
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
