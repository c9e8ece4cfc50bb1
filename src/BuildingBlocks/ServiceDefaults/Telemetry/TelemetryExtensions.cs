using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace CrmPlatform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Exports traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public static TBuilder AddOtlpTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(CreateResource());
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddOtlpExporter();
        });
        builder.Services.AddHostedService<OtlpTelemetryService>();
        return builder;
    }

    /// <summary>service.name from OTEL_SERVICE_NAME (else the process), then OTEL_RESOURCE_ATTRIBUTES, which wins.</summary>
    internal static ResourceBuilder CreateResource() =>
        ResourceBuilder.CreateEmpty()
            .AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? AppDomain.CurrentDomain.FriendlyName)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();
}
