using System.Net;
using CrmPlatform.Grpc;
using CrmPlatform.Grpc.Health.V1;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>What the gateway answers without a token, and the limits at its edge.</summary>
[Collection(GatewayCollection.Name)]
public sealed class EdgeTests(GatewayFixture fixture)
{
    private GatewayServer Gateway => fixture.Gateway;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_needs_no_token(string path)
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(Gateway.HttpAddress, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Grpc_health_needs_no_token()
    {
        var reply = await new Health.HealthClient(Gateway.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Cross_origin_requests_get_no_cors_headers()
    {
        using var client = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(Gateway.HttpAddress, "/crm.identity.v1.Identity/SignIn"));
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web");
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(Gateway.HttpAddress, "/health"));
        get.Headers.Add("Origin", "https://evil.example");

        using var preflightResponse = await client.SendAsync(preflight);
        using var getResponse = await client.SendAsync(get);

        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(getResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_oversized_identity_request_is_refused_before_it_is_read()
    {
        var error = await Users.FailsAsync(() => Gateway.Client.SignInAsync(
            new Proto.SignInRequest { Email = GatewayServer.AdminEmail, Password = new string('x', 100_000) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
