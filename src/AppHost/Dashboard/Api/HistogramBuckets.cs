namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>
/// Moves bucket counts onto other bounds. An exponential histogram may change scale between cumulative exports; each
/// coarser scale's bounds are a subset of the finer one's, so the counts of the earlier export can be re-bucketed
/// exactly and the two exports differenced.
/// </summary>
internal static class HistogramBuckets
{
    private const double Tolerance = 1e-9;

    /// <returns>The counts on <paramref name="target"/> (one more than its bounds: the overflow bucket), or null for counts that don't match their bounds.</returns>
    public static long[]? Rebucket(IReadOnlyList<double> bounds, IReadOnlyList<long> counts, IReadOnlyList<double> target)
    {
        if (counts.Count == 0)
        {
            return target.Count == 0 ? [] : null;
        }

        if (counts.Count != bounds.Count + 1)
        {
            return null;
        }

        if (bounds.SequenceEqual(target))
        {
            return [.. counts];
        }

        var moved = new long[target.Count + 1];
        for (var i = 0; i < counts.Count; i++)
        {
            moved[i < bounds.Count ? Holding(target, bounds[i]) : target.Count] += counts[i];
        }

        return moved;
    }

    /// <summary>The target bucket whose upper bound is the first at or above <paramref name="upper"/> (floating-point tolerant).</summary>
    private static int Holding(IReadOnlyList<double> target, double upper)
    {
        for (var j = 0; j < target.Count; j++)
        {
            if (target[j] >= upper - (Math.Abs(upper) * Tolerance))
            {
                return j;
            }
        }

        return target.Count;
    }
}
