using CrmPlatform.AppHost.Dashboard.Otlp.Collector.Logs;
using CrmPlatform.AppHost.Dashboard.Otlp.Collector.Metrics;
using CrmPlatform.AppHost.Dashboard.Otlp.Collector.Trace;
using CrmPlatform.AppHost.Dashboard.Otlp.Common;
using Google.Protobuf;
using LogsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Logs;
using MetricsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Metrics;
using ResourceV1 = CrmPlatform.AppHost.Dashboard.Otlp.Resource;
using TraceV1 = CrmPlatform.AppHost.Dashboard.Otlp.Trace;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>Hand-built OTLP requests, for exact control over what is sent.</summary>
internal static class OtlpPayloads
{
    private static long _sequence;

    public static ExportTraceServiceRequest Spans(string service, params string[] names)
    {
        var scope = new TraceV1.ScopeSpans();
        var start = ((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) + ((ulong)Interlocked.Add(ref _sequence, names.Length) * 1_000);
        scope.Spans.AddRange(names.Select((name, i) => new TraceV1.Span
        {
            TraceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
            SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)i + 1)),
            Name = name,
            StartTimeUnixNano = start + ((ulong)i * 1_000),
            EndTimeUnixNano = start + ((ulong)i * 1_000) + 1_000_000,
        }));
        var resourceSpans = new TraceV1.ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        return new ExportTraceServiceRequest { ResourceSpans = { resourceSpans } };
    }

    public static ExportLogsServiceRequest Logs(string service, params string[] messages)
    {
        var scope = new LogsV1.ScopeLogs();
        scope.LogRecords.AddRange(messages.Select(m => new LogsV1.LogRecord
        {
            Body = new AnyValue { StringValue = m },
            SeverityNumber = LogsV1.SeverityNumber.Info,
            TimeUnixNano = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
        }));
        var resourceLogs = new LogsV1.ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resourceLogs } };
    }

    /// <summary>A summary point (cumulative count and sum since <paramref name="start"/>) with its quantiles.</summary>
    public static ExportMetricsServiceRequest Summary(string service, string name, DateTimeOffset start, DateTimeOffset time, ulong count, double sum, params (double Quantile, double Value)[] quantiles)
    {
        var point = new MetricsV1.SummaryDataPoint
        {
            StartTimeUnixNano = (ulong)start.ToUnixTimeMilliseconds() * 1_000_000,
            TimeUnixNano = (ulong)time.ToUnixTimeMilliseconds() * 1_000_000,
            Count = count,
            Sum = sum,
        };
        point.QuantileValues.AddRange(quantiles.Select(q => new MetricsV1.SummaryDataPoint.Types.ValueAtQuantile { Quantile = q.Quantile, Value = q.Value }));
        var metric = new MetricsV1.Metric { Name = name, Unit = "ms", Summary = new MetricsV1.Summary { DataPoints = { point } } };
        var resourceMetrics = new MetricsV1.ResourceMetrics { Resource = Resource(service) };
        resourceMetrics.ScopeMetrics.Add(new MetricsV1.ScopeMetrics { Metrics = { metric } });
        return new ExportMetricsServiceRequest { ResourceMetrics = { resourceMetrics } };
    }

    private static ResourceV1.Resource Resource(string service) =>
        new() { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } } } };
}
