using System.Net;
using CrmPlatform.AppHost.Dashboard.Api;
using CrmPlatform.AppHost.Dashboard.Intake;
using CrmPlatform.AppHost.Dashboard.Storage;
using CrmPlatform.AppHost.Dashboard.Ui;
using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>
/// The ops dashboard: OTLP intake (HTTP/protobuf and gRPC) into bounded in-memory storage, a JSON API over it and the
/// resources of the platform, and the UI. Runs inside the AppHost or on its own (tests).
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private DashboardServer(WebApplication app, DashboardOptions options, DashboardPorts ports)
    {
        _app = app;
        Options = options;
        UiUrl = new Uri($"http://127.0.0.1:{ports.Ui}/");
        OtlpHttpUrl = new Uri($"http://127.0.0.1:{ports.OtlpHttp}/");
        OtlpGrpcUrl = new Uri($"http://127.0.0.1:{ports.OtlpGrpc}/");
        Store = app.Services.GetRequiredService<TelemetryStore>();
    }

    public DashboardOptions Options { get; }

    public Uri UiUrl { get; }

    public Uri OtlpHttpUrl { get; }

    public Uri OtlpGrpcUrl { get; }

    /// <summary>What to open in a browser: with the one-time login token when browser auth is on.</summary>
    public Uri BrowserUrl => Options.BrowserToken is { } token ? new Uri(UiUrl, $"login?t={token}") : UiUrl;

    public TelemetryStore Store { get; }

    /// <summary>A dashboard on its own, with no orchestrator behind it (its Resources page is empty).</summary>
    public static Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, NoResources.Instance, NullLoggerFactory.Instance, cancellationToken);

    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IDashboardResources resources, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<DashboardServer>();
        var ports = DashboardPorts.Choose(options, (preferred, port) => DashboardLog.PortTaken(logger, preferred, port));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name, Args = [] });
        // The dashboard is configured by its options alone: an appsettings.json next to the AppHost (the build copies
        // the services' own there) must not add endpoints such as the gateway's 8080 and 8081.
        foreach (var source in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            builder.Configuration.Sources.Remove(source);
        }

        // Only the dashboard's own events reach the AppHost's console, not Kestrel's per-request lines.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, ports.Ui, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, ports.OtlpHttp, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, ports.OtlpGrpc, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = options.Limits.MaxRequestBytes;
        });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(new DashboardLogger(logger));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Limits);
        builder.Services.AddSingleton(ports);
        builder.Services.AddSingleton(resources);
        builder.Services.AddSingleton(new TelemetryStore(options.Limits));
        builder.Services.AddSingleton<OtlpConverter>();
        builder.Services.AddSingleton(new ApiKeyCheck(options.ApiKey));
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = (int)Math.Min(options.Limits.MaxRequestBytes, int.MaxValue));

        var app = builder.Build();
        app.Use(PortRouting.Middleware);
        app.Use(BrowserAuth.Middleware);
        app.MapOtlpHttp();
        app.MapGrpcService<OtlpTraceIntake>();
        app.MapGrpcService<OtlpLogsIntake>();
        app.MapGrpcService<OtlpMetricsIntake>();
        app.MapDashboardApi();
        app.MapDashboardUi();
        await app.StartAsync(cancellationToken);
        var server = new DashboardServer(app, options, ports);
        DashboardLog.Listening(logger, server.BrowserUrl.ToString());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
