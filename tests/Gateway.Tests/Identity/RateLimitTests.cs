using System.Net;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    /// <summary>Buckets that hold a few requests and refill once an hour, so a short flood always overflows them.</summary>
    private static Dictionary<string, string?> Limits(string bucket, int tokens) => new()
    {
        [$"Gateway:RateLimits:{bucket}:TokenLimit"] = tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Gateway:RateLimits:{bucket}:TokensPerPeriod"] = "1",
        [$"Gateway:RateLimits:{bucket}:ReplenishmentPeriod"] = "01:00:00",
    };

    [Fact]
    public async Task A_flood_from_one_user_is_resource_exhausted_with_a_retry_after()
    {
        var gateway = await fixture.StartGatewayAsync(Limits("User", 5));
        var flooder = await gateway.SignInAsNewUserAsync([Roles.Analyst]);
        var bystander = await gateway.SignInAsNewUserAsync([Roles.Analyst]);

        RpcException? limited = null;
        for (var call = 0; call < 20 && limited is null; call++)
        {
            try
            {
                await gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), flooder.Headers());
            }
            catch (RpcException error)
            {
                limited = error;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        Assert.True(int.Parse(limited.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(bystander.User.Name, (await gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), bystander.Headers())).Name);
    }

    [Fact]
    public async Task A_flood_of_plain_http_requests_gets_429_with_retry_after()
    {
        var gateway = await fixture.StartGatewayAsync(Limits("User", 3));
        var user = await gateway.SignInAsNewUserAsync([Roles.Analyst]);
        using var client = new HttpClient();

        HttpStatusCode status = HttpStatusCode.OK;
        HttpResponseMessage? last = null;
        for (var call = 0; call < 20 && status != HttpStatusCode.TooManyRequests; call++)
        {
            last?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.HttpAddress, "/some/plain/path"));
            request.Headers.Authorization = new("Bearer", user.AccessToken);
            last = await client.SendAsync(request);
            status = last.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Retry after", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task Each_api_key_has_its_own_bucket()
    {
        var gateway = await fixture.StartGatewayAsync(Limits("ApiKey", 3));
        var flooding = await gateway.CreateApiKeyAsync([Roles.Admin]);
        var quiet = await gateway.CreateApiKeyAsync([Roles.Admin]);

        var codes = new List<StatusCode>();
        for (var call = 0; call < 6; call++)
        {
            try
            {
                await gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), Users.ApiKeyHeaders(flooding.Key));
                codes.Add(StatusCode.OK);
            }
            catch (RpcException error)
            {
                codes.Add(error.StatusCode);
            }
        }

        Assert.Contains(StatusCode.ResourceExhausted, codes);
        Assert.NotNull(await gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), Users.ApiKeyHeaders(quiet.Key)));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_address()
    {
        var gateway = await fixture.StartGatewayAsync(Limits("SignIn", 3));

        var codes = new List<StatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var error = await Users.FailsAsync(() => gateway.Client.SignInAsync(new Proto.SignInRequest { Email = "guess@example.com", Password = "guess " + attempt }));
            codes.Add(error.StatusCode);
        }

        Assert.Equal(StatusCode.Unauthenticated, codes[0]);
        Assert.Equal(StatusCode.ResourceExhausted, codes[^1]);
    }
}
