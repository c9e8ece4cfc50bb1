using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Gateway.Tests;

/// <summary>The gateway serves the built SPA: its files, and index.html for the SPA's own page paths.</summary>
public sealed class WebAppServingTests : IAsyncLifetime
{
    private const string IndexHtml = "<!doctype html><title>CrmPlatform</title>";
    private readonly string _root = Directory.CreateTempSubdirectory("crm-webapp-").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_root, "index.html"), IndexHtml);
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        File.WriteAllText(Path.Combine(_root, "assets", "index-abc123.js"), "console.log('app');");
        var database = await GatewayDatabases.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("WebApp:Root", _root)
            .UseSetting("ConnectionStrings:gateway", database)
            .UseSetting("Gateway:AdminPassword", Guid.NewGuid().ToString("N"))
            .UseSetting("Auth:Issuer", Identity.GatewayServer.Auth.Issuer)
            .UseSetting("Auth:Audience", Identity.GatewayServer.Auth.Audience)
            .UseSetting("Auth:SigningKey", Identity.GatewayServer.Auth.SigningKey));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/customers/0199a1b2-0000-7000-8000-000000000001/edit")]
    public async Task A_page_path_loads_the_app(string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_built_asset_is_served_with_long_caching()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app');", await response.Content.ReadAsStringAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_missing_file_is_not_found_rather_than_the_app()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/assets/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_is_never_answered_with_the_app()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/customers", new ByteArrayContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("CrmPlatform", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_stays_the_health_endpoint()
    {
        using var client = _factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
