using CrmPlatform.AppHost.Dashboard.Storage;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>
/// Turns data points into chart points: each series (one attribute set) is differenced between consecutive exports
/// (cumulative temporality) or taken as is (delta), then the series of one export are added up.
/// </summary>
internal static class MetricSeries
{
    public static IReadOnlyList<ChartPoint> Rates(IReadOnlyList<MetricPoint> points) =>
        [.. Intervals(points)
            .GroupBy(i => Second(i.Time))
            .OrderBy(g => g.Key)
            .Select(g => new ChartPoint(g.Key, null, null, null, null, g.Sum(i => i.Seconds > 0 ? i.Value / i.Seconds : 0)))];

    public static IReadOnlyList<ChartPoint> Percentiles(IReadOnlyList<MetricPoint> points) =>
        [.. Intervals(points)
            .GroupBy(i => Second(i.Time))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var bounds = g.MaxBy(i => i.Count)!.Bounds;
                var counts = new long[bounds.Count + 1];
                foreach (var interval in g.Where(i => i.Buckets.Length == counts.Length && i.Bounds.SequenceEqual(bounds)))
                {
                    for (var b = 0; b < counts.Length; b++)
                    {
                        counts[b] += interval.Buckets[b];
                    }
                }

                return new ChartPoint(
                    g.Key,
                    null,
                    Percentile(bounds, counts, 0.50),
                    Percentile(bounds, counts, 0.90),
                    Percentile(bounds, counts, 0.99),
                    g.Sum(i => i.Seconds > 0 ? i.Count / i.Seconds : 0));
            })];

    /// <summary>
    /// Summaries carry their own quantiles; quantiles of several series can't be added, so a point shows the highest
    /// of them (the worst series). The rate comes from the counts.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Quantiles(IReadOnlyList<MetricPoint> points)
    {
        var rates = Intervals(points).GroupBy(i => Second(i.Time)).ToDictionary(g => g.Key, g => g.Sum(i => i.Seconds > 0 ? i.Count / i.Seconds : 0));
        return [.. points
            .GroupBy(p => Second(p.Time))
            .OrderBy(g => g.Key)
            .Select(g => new ChartPoint(
                g.Key,
                null,
                Highest(g, 0.50),
                Highest(g, 0.90),
                Highest(g, 0.99),
                rates.TryGetValue(g.Key, out var rate) ? rate : null))];
    }

    public static IReadOnlyList<ChartPoint> Values(IReadOnlyList<MetricPoint> points) =>
        [.. points
            .GroupBy(p => Second(p.Time))
            .OrderBy(g => g.Key)
            .Select(g => new ChartPoint(g.Key, g.Sum(p => p.Value), null, null, null, null))];

    /// <summary>Linear interpolation inside the bucket holding the quantile; null when nothing was recorded.</summary>
    public static double? Percentile(IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < rank)
            {
                seen += counts[i];
                continue;
            }

            var lower = i == 0 ? Math.Min(0, bounds.Count > 0 ? bounds[0] : 0) : bounds[i - 1];
            var upper = i < bounds.Count ? bounds[i] : lower;
            return lower + ((upper - lower) * (rank - seen) / counts[i]);
        }

        return bounds.Count > 0 ? bounds[^1] : null;
    }

    private static double? Highest(IEnumerable<MetricPoint> points, double quantile)
    {
        var values = points.SelectMany(p => p.Quantiles).Where(q => Math.Abs(q.Quantile - quantile) < 1e-9).Select(q => q.Value).ToList();
        return values.Count == 0 ? null : values.Max();
    }

    private static DateTimeOffset Second(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static IEnumerable<Interval> Intervals(IReadOnlyList<MetricPoint> points)
    {
        foreach (var series in points.GroupBy(p => string.Join('\n', p.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))))
        {
            MetricPoint? previous = null;
            foreach (var point in series.OrderBy(p => p.Time))
            {
                if (!point.Cumulative)
                {
                    yield return new Interval(point.Time, (point.Time - point.Start).TotalSeconds, point.Value, point.Count, [.. point.BucketCounts], point.Bounds);
                }
                else if (previous is not null && point.Start == previous.Start && point.Count >= previous.Count
                    && HistogramBuckets.Rebucket(previous.Bounds, previous.BucketCounts, point.Bounds) is { } before
                    && before.Length == point.BucketCounts.Count)
                {
                    yield return new Interval(
                        point.Time,
                        (point.Time - previous.Time).TotalSeconds,
                        point.Value - previous.Value,
                        point.Count - previous.Count,
                        [.. point.BucketCounts.Select((c, i) => Math.Max(0, c - before[i]))],
                        point.Bounds);
                }

                previous = point;
            }
        }
    }

    private sealed record Interval(DateTimeOffset Time, double Seconds, double Value, long Count, long[] Buckets, IReadOnlyList<double> Bounds);
}
