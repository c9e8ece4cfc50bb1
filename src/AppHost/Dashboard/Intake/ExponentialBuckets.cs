using MetricsV1 = CrmPlatform.AppHost.Dashboard.Otlp.Metrics;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>
/// Turns an OTLP exponential histogram into explicit buckets, so both kinds chart the same way. With base
/// <c>2^(2^-scale)</c>, positive bucket <c>i</c> (counting from the offset) holds values in <c>(base^i, base^(i+1)]</c>,
/// negative bucket <c>i</c> the same magnitudes below zero, and the zero bucket <c>[-threshold, threshold]</c>.
/// The explicit bounds are the buckets' upper bounds in ascending order; the last, overflow bucket is empty.
/// </summary>
internal static class ExponentialBuckets
{
    public static (IReadOnlyList<double> Bounds, IReadOnlyList<long> Counts) ToExplicit(MetricsV1.ExponentialHistogramDataPoint point)
    {
        var growth = Math.Pow(2, Math.Pow(2, -point.Scale));
        var bounds = new List<double>();
        var counts = new List<long>();

        var negative = point.Negative;
        if (negative is { BucketCounts.Count: > 0 })
        {
            bounds.Add(-Math.Pow(growth, negative.Offset + negative.BucketCounts.Count));
            counts.Add(0);
            for (var i = negative.BucketCounts.Count - 1; i >= 0; i--)
            {
                bounds.Add(-Math.Pow(growth, negative.Offset + i));
                counts.Add((long)negative.BucketCounts[i]);
            }
        }

        bounds.Add(point.ZeroThreshold);
        counts.Add((long)point.ZeroCount);

        var positive = point.Positive;
        if (positive is { BucketCounts.Count: > 0 })
        {
            bounds.Add(Math.Pow(growth, positive.Offset));
            counts.Add(0);
            for (var i = 0; i < positive.BucketCounts.Count; i++)
            {
                bounds.Add(Math.Pow(growth, positive.Offset + i + 1));
                counts.Add((long)positive.BucketCounts[i]);
            }
        }

        counts.Add(0);
        return (bounds, counts);
    }
}
