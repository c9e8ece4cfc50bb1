using System.Net;

namespace CrmPlatform.Customers.Tests.Service;

[Collection(CustomersServerCollection.Name)]
public sealed class HealthTests(CustomersServer server)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task The_service_answers_healthy_on_its_grpc_endpoint(string path)
    {
        using var client = new HttpClient
        {
            BaseAddress = server.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
