using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CrmPlatform.ServiceDefaults.Tests.Telemetry;

public sealed class HttpServerSpanTests
{
    [Fact]
    public async Task Request_spans_carry_the_route_and_http_attributes()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapGet("/accounts/{id}", (string id) => id);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var path = $"/accounts/{Guid.NewGuid():N}";

        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        await app.StopAsync();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("url.path") == path);
        Assert.Equal("GET /accounts/{id}", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/accounts/{id}", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }
}
