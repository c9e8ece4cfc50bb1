using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Health;
using CrmPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.ServiceDefaults;

/// <summary>
/// The one place where every service gets its common wiring: OTLP telemetry, the gRPC runtime, health over HTTP
/// and gRPC, and ASP.NET Core's own logs at Warning. Data, messaging and caller authentication are added with
/// <c>AddPostgres</c>, <c>AddMessaging</c> and <c>AddCallerAuthentication</c>.
/// </summary>
public static class Extensions
{
    private const string LiveTag = "live";
    private const string AspNetCoreLogs = "Microsoft.AspNetCore";
    private static readonly TimeSpan HealthReportPeriod = TimeSpan.FromSeconds(5);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddOtlpTelemetry();
        QuietAspNetCoreLogs(builder);
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
    /// ASP.NET Core logs four Information lines per request (request starting and finished, endpoint executing and
    /// executed): traces already record each call, so they are Warning and above, as in ASP.NET Core's project templates,
    /// unless <c>Logging:LogLevel:Microsoft.AspNetCore</c> is configured.
    /// </summary>
    private static void QuietAspNetCoreLogs(IHostApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{AspNetCoreLogs}"] is null)
        {
            builder.Logging.AddFilter(AspNetCoreLogs, LogLevel.Warning);
        }
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
