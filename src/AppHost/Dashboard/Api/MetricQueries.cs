using CrmPlatform.AppHost.Dashboard.Storage;

namespace CrmPlatform.AppHost.Dashboard.Api;

public sealed record InstrumentInfo(string Resource, string Name, string Description, string Unit, string Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions);

/// <summary>
/// One chart: counters as a rate per second, histograms (explicit or exponential) as p50/p90/p99 plus their rate,
/// summaries as their own 0.5/0.9/0.99 quantiles plus their rate, gauges as values.
/// </summary>
public sealed record InstrumentChart(InstrumentInfo Instrument, string Display, IReadOnlyList<ChartPoint> Points);

public sealed record ChartPoint(DateTimeOffset Time, double? Value, double? P50, double? P90, double? P99, double? Rate);

internal static class MetricQueries
{
    public static IReadOnlyList<InstrumentInfo> Instruments(TelemetryStore store, string? resource) =>
        [.. store.Metrics.Snapshot()
            .Where(p => resource is null || p.Service == resource)
            .GroupBy(p => (p.Service, p.Instrument))
            .Select(g => Info(g.ToList()))
            .OrderBy(i => i.Resource, StringComparer.Ordinal)
            .ThenBy(i => i.Name, StringComparer.Ordinal)];

    public static InstrumentChart? Chart(TelemetryStore store, string resource, string instrument, IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        var all = store.Metrics.Snapshot().Where(p => p.Service == resource && p.Instrument == instrument).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var points = all.Where(p => Filters.Matches(p.Attributes, filters)).ToList();
        var info = Info(all);
        return all[0].Kind switch
        {
            MetricKind.Counter => new InstrumentChart(info, "rate", MetricSeries.Rates(points)),
            MetricKind.Histogram => new InstrumentChart(info, "percentiles", MetricSeries.Percentiles(points)),
            MetricKind.Summary => new InstrumentChart(info, "percentiles", MetricSeries.Quantiles(points)),
            _ => new InstrumentChart(info, "value", MetricSeries.Values(points)),
        };
    }

    private static InstrumentInfo Info(IReadOnlyList<MetricPoint> points)
    {
        var first = points[0];
        var dimensions = points
            .SelectMany(p => p.Attributes)
            .GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        return new InstrumentInfo(first.Service, first.Instrument, first.Description, first.Unit, first.Kind.ToString().ToLowerInvariant(), dimensions);
    }
}
