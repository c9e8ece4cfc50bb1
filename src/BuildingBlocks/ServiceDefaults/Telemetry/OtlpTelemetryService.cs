using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrmPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Owns the tracer and meter providers (OpenTelemetry.Extensions.Hosting is not in the registry here): built when
/// the host starts, flushed and disposed when it stops. Endpoint, protocol, headers, service name, resource
/// attributes and export intervals come from the standard OTEL_* environment variables.
/// </summary>
internal sealed class OtlpTelemetryService : IHostedLifecycleService, IDisposable
{
    private TracerProvider? _tracerProvider;
    private MeterProvider? _meterProvider;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _tracerProvider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(TelemetryExtensions.CreateResource())
            .AddSource(TelemetrySources.ActivitySources)
            .AddOtlpExporter()
            .Build();
        _meterProvider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(TelemetryExtensions.CreateResource())
            .AddMeter(TelemetrySources.Meters)
            .AddOtlpExporter()
            .Build();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracerProvider?.ForceFlush();
        _tracerProvider?.Dispose();
        _tracerProvider = null;
        _meterProvider?.ForceFlush();
        _meterProvider?.Dispose();
        _meterProvider = null;
    }
}
