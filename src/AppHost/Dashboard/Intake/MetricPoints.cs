using CrmPlatform.AppHost.Dashboard.Otlp.Common;
using CrmPlatform.AppHost.Dashboard.Storage;
using Google.Protobuf.Collections;
using MetricsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Metrics;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>The data points of one OTLP metric, whatever its type.</summary>
internal static class MetricPoints
{
    public static IEnumerable<MetricPoint> From(string service, MetricsV1.Metric metric) => metric.DataCase switch
    {
        MetricsV1.Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => Number(
            service, metric, p, metric.Sum.IsMonotonic ? MetricKind.Counter : MetricKind.UpDownCounter,
            metric.Sum.AggregationTemporality == MetricsV1.AggregationTemporality.Cumulative)),
        MetricsV1.Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => Number(service, metric, p, MetricKind.Gauge, cumulative: false)),
        MetricsV1.Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => Histogram(
            service, metric, p, metric.Histogram.AggregationTemporality == MetricsV1.AggregationTemporality.Cumulative)),
        MetricsV1.Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(p => ExponentialHistogram(
            service, metric, p, metric.ExponentialHistogram.AggregationTemporality == MetricsV1.AggregationTemporality.Cumulative)),
        MetricsV1.Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(p => Summary(service, metric, p)),
        _ => [],
    };

    private static MetricPoint Number(string service, MetricsV1.Metric metric, MetricsV1.NumberDataPoint point, MetricKind kind, bool cumulative) => new(
        service,
        metric.Name,
        metric.Description,
        metric.Unit,
        kind,
        cumulative,
        OtlpValues.Time(point.StartTimeUnixNano),
        OtlpValues.Time(point.TimeUnixNano),
        OtlpValues.Attributes(point.Attributes),
        point.ValueCase == MetricsV1.NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        Count: 0,
        Bounds: [],
        BucketCounts: [],
        Quantiles: []);

    private static MetricPoint Histogram(string service, MetricsV1.Metric metric, MetricsV1.HistogramDataPoint point, bool cumulative) =>
        HistogramPoint(service, metric, cumulative, point.StartTimeUnixNano, point.TimeUnixNano, point.Attributes, point.HasSum ? point.Sum : 0,
            point.Count, [.. point.ExplicitBounds], [.. point.BucketCounts.Select(c => (long)c)]);

    private static MetricPoint ExponentialHistogram(string service, MetricsV1.Metric metric, MetricsV1.ExponentialHistogramDataPoint point, bool cumulative)
    {
        var (bounds, counts) = ExponentialBuckets.ToExplicit(point);
        return HistogramPoint(service, metric, cumulative, point.StartTimeUnixNano, point.TimeUnixNano, point.Attributes, point.HasSum ? point.Sum : 0,
            point.Count, bounds, counts);
    }

    private static MetricPoint HistogramPoint(
        string service,
        MetricsV1.Metric metric,
        bool cumulative,
        ulong startTimeUnixNano,
        ulong timeUnixNano,
        RepeatedField<KeyValue> attributes,
        double sum,
        ulong count,
        IReadOnlyList<double> bounds,
        IReadOnlyList<long> counts) => new(
        service,
        metric.Name,
        metric.Description,
        metric.Unit,
        MetricKind.Histogram,
        cumulative,
        OtlpValues.Time(startTimeUnixNano),
        OtlpValues.Time(timeUnixNano),
        OtlpValues.Attributes(attributes),
        sum,
        (long)count,
        bounds,
        counts,
        Quantiles: []);

    /// <summary>Summaries are cumulative: count and sum since start, quantiles over the exporter's own window.</summary>
    private static MetricPoint Summary(string service, MetricsV1.Metric metric, MetricsV1.SummaryDataPoint point) => new(
        service,
        metric.Name,
        metric.Description,
        metric.Unit,
        MetricKind.Summary,
        Cumulative: true,
        OtlpValues.Time(point.StartTimeUnixNano),
        OtlpValues.Time(point.TimeUnixNano),
        OtlpValues.Attributes(point.Attributes),
        point.Sum,
        (long)point.Count,
        Bounds: [],
        BucketCounts: [],
        [.. point.QuantileValues.Select(q => new QuantileValue(q.Quantile, q.Value))]);
}
