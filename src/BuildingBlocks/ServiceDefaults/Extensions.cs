using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Health;
using CrmPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults;

/// <summary>
/// The one place where every service gets its common wiring: OTLP telemetry, the gRPC runtime, and health over HTTP
/// and gRPC. Data, messaging and caller authentication are added with <c>AddPostgres</c>, <c>AddMessaging</c> and
/// <c>AddCallerAuthentication</c>.
/// </summary>
public static class Extensions
{
    private const string LiveTag = "live";
    private static readonly TimeSpan HealthReportPeriod = TimeSpan.FromSeconds(5);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddOtlpTelemetry();
        builder.Services.AddTransient<IStartupFilter, HttpServerSpans>();
        builder.Services.AddGrpc();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, GrpcHealthPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.Zero;
            options.Period = HealthReportPeriod;
        });
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check), <c>/alive</c> (liveness: only the process itself),
    /// <c>grpc.health.v1</c> reporting readiness, and gRPC server reflection.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
