using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>
/// The real OpenTelemetry .NET SDK and OTLP exporter in the test process, pointed at a dashboard. Histograms whose
/// name starts with <see cref="ExponentialPrefix"/> are exported as exponential histograms. Spans of the
/// instrumented libraries named by their ActivitySource (e.g. "System.Net.Http", <c>GrpcTelemetry.Name</c>) are exported too.
/// </summary>
internal sealed class TestTelemetry : IDisposable
{
    public const string SourceName = "CrmPlatform.AppHost.Tests";
    public const string ExponentialPrefix = "exponential.";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;
    private readonly ILoggerFactory _logging;

    public TestTelemetry(string serviceName, OtlpExportProtocol protocol, Uri endpoint, string? apiKey, params string[] librarySources)
    {
        ServiceName = serviceName;
        Source = new ActivitySource(SourceName);
        Meter = new Meter($"{SourceName}.{serviceName}");
        var resource = ResourceBuilder.CreateEmpty().AddService(serviceName);
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource([SourceName, .. librarySources])
            .AddOtlpExporter(o => Configure(o, protocol, endpoint, "v1/traces", apiKey))
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meter.Name)
            .AddView(instrument => instrument.Name.StartsWith(ExponentialPrefix, StringComparison.Ordinal) ? new Base2ExponentialBucketHistogramConfiguration() : null)
            .AddOtlpExporter(o => Configure(o, protocol, endpoint, "v1/metrics", apiKey))
            .Build();
        _logging = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, protocol, endpoint, "v1/logs", apiKey));
        }));
    }

    public string ServiceName { get; }

    public ActivitySource Source { get; }

    public Meter Meter { get; }

    public ILogger CreateLogger(string category) => _logging.CreateLogger(category);

    public void Flush()
    {
        _tracing.ForceFlush();
        _metrics.ForceFlush();
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
        _logging.Dispose();
        Source.Dispose();
        Meter.Dispose();
    }

    private static void Configure(OtlpExporterOptions options, OtlpExportProtocol protocol, Uri endpoint, string signalPath, string? apiKey)
    {
        options.Protocol = protocol;
        // Set in code, the HTTP endpoint is used as is: it has to name the signal's path.
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
        options.ExportProcessorType = ExportProcessorType.Simple;
        if (apiKey is not null)
        {
            options.Headers = $"x-otlp-api-key={apiKey}";
        }
    }
}
