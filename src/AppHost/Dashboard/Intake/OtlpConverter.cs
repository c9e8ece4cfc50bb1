using CrmPlatform.AppHost.Dashboard.Storage;
using Google.Protobuf.Collections;
using LogsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Logs;
using MetricsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Metrics;
using TraceV1 = CrmPlatform.AppHost.Dashboard.Otlp.Trace;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>Turns OTLP export requests into the records the store keeps, and stores them.</summary>
internal sealed class OtlpConverter(TelemetryStore store)
{
    public int AddSpans(RepeatedField<TraceV1.ResourceSpans> resourceSpans)
    {
        var spans = new List<SpanRecord>();
        foreach (var resource in resourceSpans)
        {
            var service = OtlpValues.ServiceName(resource.Resource);
            foreach (var scope in resource.ScopeSpans)
            {
                spans.AddRange(scope.Spans.Select(span => Span(span, service, scope.Scope?.Name ?? string.Empty)));
            }
        }

        store.Spans.AddRange(spans);
        return spans.Count;
    }

    public int AddLogs(RepeatedField<LogsV1.ResourceLogs> resourceLogs)
    {
        var logs = new List<LogRecordEntry>();
        foreach (var resource in resourceLogs)
        {
            var service = OtlpValues.ServiceName(resource.Resource);
            foreach (var scope in resource.ScopeLogs)
            {
                logs.AddRange(scope.LogRecords.Select(log => Log(log, service, scope.Scope?.Name ?? string.Empty)));
            }
        }

        store.Logs.AddRange(logs);
        return logs.Count;
    }

    public int AddMetrics(RepeatedField<MetricsV1.ResourceMetrics> resourceMetrics)
    {
        var points = new List<MetricPoint>();
        foreach (var resource in resourceMetrics)
        {
            var service = OtlpValues.ServiceName(resource.Resource);
            foreach (var metric in resource.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                points.AddRange(MetricPoints.From(service, metric));
            }
        }

        store.Metrics.AddRange(points);
        return points.Count;
    }

    private static SpanRecord Span(TraceV1.Span span, string service, string scope) => new(
        OtlpValues.Id(span.TraceId) ?? string.Empty,
        OtlpValues.Id(span.SpanId) ?? string.Empty,
        OtlpValues.Id(span.ParentSpanId),
        span.Name,
        span.Kind switch
        {
            TraceV1.Span.Types.SpanKind.Server => "server",
            TraceV1.Span.Types.SpanKind.Client => "client",
            TraceV1.Span.Types.SpanKind.Producer => "producer",
            TraceV1.Span.Types.SpanKind.Consumer => "consumer",
            _ => "internal",
        },
        service,
        scope,
        OtlpValues.Time(span.StartTimeUnixNano),
        OtlpValues.Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
        span.Status?.Code == TraceV1.Status.Types.StatusCode.Error,
        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
        OtlpValues.Attributes(span.Attributes),
        [.. span.Events.Select(e => new SpanEventRecord(OtlpValues.Time(e.TimeUnixNano), e.Name, OtlpValues.Attributes(e.Attributes)))]);

    private LogRecordEntry Log(LogsV1.LogRecord log, string service, string category)
    {
        var time = log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano;
        var severity = (int)log.SeverityNumber;
        return new LogRecordEntry(
            store.NextLogId(),
            OtlpValues.Time(time),
            service,
            category,
            severity,
            LogLevels.Name(severity, log.SeverityText),
            OtlpValues.Text(log.Body),
            OtlpValues.Attributes(log.Attributes),
            OtlpValues.Id(log.TraceId),
            OtlpValues.Id(log.SpanId));
    }
}
