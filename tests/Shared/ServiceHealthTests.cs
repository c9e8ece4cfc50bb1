using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Tests.Shared;

/// <summary>What ops and the AppHost rely on for every service: it starts, and answers readiness and liveness.</summary>
public abstract class ServiceHealthTests<TEntryPoint> : IClassFixture<WebApplicationFactory<TEntryPoint>>
    where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    protected ServiceHealthTests(WebApplicationFactory<TEntryPoint> factory) => _factory = factory;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Service_answers_healthy(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
