using System.Net;
using CrmPlatform.AppHost.Dashboard;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>With a login token, the UI opens only through the printed URL, which leaves a cookie behind.</summary>
public sealed class BrowserAuthTests
{
    [Fact]
    public async Task The_login_url_sets_a_cookie_that_opens_the_ui_and_its_api()
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with { BrowserToken = "one-time-token" });
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = dashboard.UiUrl };

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/traces")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/login?t=guessed")).StatusCode);

        var page = await browser.GetAsync(dashboard.BrowserUrl);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(dashboard.UiUrl, page.RequestMessage!.RequestUri);
        Assert.Contains("<title>CrmPlatform dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/traces")).StatusCode);
    }

    [Fact]
    public async Task Otlp_ports_serve_no_ui_and_the_ui_port_takes_no_otlp()
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone);
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(dashboard.OtlpHttpUrl, "/api/traces"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri(dashboard.UiUrl, "/v1/traces"), new ByteArrayContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(dashboard.UiUrl, "/traces"))).StatusCode);
    }
}
