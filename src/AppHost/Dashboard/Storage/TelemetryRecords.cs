namespace CrmPlatform.AppHost.Dashboard.Storage;

/// <summary>One span as the dashboard keeps it: ids in lower-case hex, times in UTC.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventRecord> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

public sealed record SpanEventRecord(DateTimeOffset Timestamp, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>One structured log entry.</summary>
public sealed record LogRecordEntry(
    long Id,
    DateTimeOffset Timestamp,
    string Service,
    string Category,
    int Severity,
    string Level,
    string Message,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId);

/// <summary>
/// One data point of one instrument: a number (sum or gauge), a histogram with explicit buckets (exponential histograms
/// are turned into explicit buckets at intake), or a summary with its quantiles.
/// </summary>
public sealed record MetricPoint(
    string Service,
    string Instrument,
    string Description,
    string Unit,
    MetricKind Kind,
    bool Cumulative,
    DateTimeOffset Start,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Attributes,
    double Value,
    long Count,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<long> BucketCounts,
    IReadOnlyList<QuantileValue> Quantiles);

/// <summary>A summary's value at one quantile (0.5 is the median).</summary>
public sealed record QuantileValue(double Quantile, double Value);

public enum MetricKind
{
    Counter,
    UpDownCounter,
    Gauge,
    Histogram,
    Summary,
}
