namespace CrmPlatform.AppHost.Dashboard.Storage;

/// <summary>Everything received over OTLP, bounded per signal (<see cref="TelemetryLimits"/>).</summary>
public sealed class TelemetryStore(TelemetryLimits limits)
{
    private long _nextLogId;

    public BoundedBuffer<SpanRecord> Spans { get; } = new(limits.MaxSpans);

    public BoundedBuffer<LogRecordEntry> Logs { get; } = new(limits.MaxLogs);

    public BoundedBuffer<MetricPoint> Metrics { get; } = new(limits.MaxMetricPoints);

    public long NextLogId() => Interlocked.Increment(ref _nextLogId);

    /// <summary>Every service that sent anything still kept.</summary>
    public IReadOnlyList<string> Services() =>
        [.. Spans.Snapshot().Select(s => s.Service)
            .Concat(Logs.Snapshot().Select(l => l.Service))
            .Concat(Metrics.Snapshot().Select(m => m.Service))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
