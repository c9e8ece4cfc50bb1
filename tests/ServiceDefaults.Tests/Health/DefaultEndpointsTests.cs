using System.Net;
using CrmPlatform.Grpc;
using CrmPlatform.Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;
using GrpcHealth = CrmPlatform.Grpc.Health.V1.Health;

namespace CrmPlatform.ServiceDefaults.Tests.Health;

public sealed class DefaultEndpointsTests
{
    [Theory]
    [InlineData(true, HttpStatusCode.OK, ServingStatus.Serving)]
    [InlineData(false, HttpStatusCode.ServiceUnavailable, ServingStatus.NotServing)]
    public async Task Http_and_grpc_health_report_the_same_readiness(bool dependencyUp, HttpStatusCode http, ServingStatus grpc)
    {
        await using var app = await StartAsync(dependencyUp);
        using var httpClient = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var channel = GrpcChannel.ForAddress(app.Urls.Last());
        var health = new GrpcHealth.HealthClient(channel);

        using var ready = await httpClient.GetAsync("/health");
        using var alive = await httpClient.GetAsync("/alive");
        var status = await WaitForAsync(health, grpc);

        Assert.Equal(http, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(grpc, status);
    }

    private static async Task<ServingStatus> WaitForAsync(GrpcHealth.HealthClient health, ServingStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        ServingStatus status;
        do
        {
            status = (await health.CheckAsync(new HealthCheckRequest())).Status;
            if (status == expected)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return status;
    }

    private static async Task<WebApplication> StartAsync(bool dependencyUp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("dependency", () =>
            dependencyUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }
}
