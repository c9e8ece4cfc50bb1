namespace CrmPlatform.Bench;

/// <summary>A server's result over all rounds of a scenario.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>
    /// Mean requests per second of the rounds (each measures the same duration) and the nearest-rank
    /// percentiles of every successful request's latency, pooled over the rounds.
    /// </summary>
    public static LoadResult FromSamples(IReadOnlyList<LoadSample> samples)
    {
        var latencies = samples.SelectMany(sample => sample.LatenciesMicroseconds).Order().ToArray();
        return new LoadResult(samples.Average(sample => sample.RequestsPerSecond), Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted microsecond latencies, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<long> sortedMicroseconds, double quantile) =>
        sortedMicroseconds[Math.Max(0, (int)Math.Ceiling(quantile * sortedMicroseconds.Count) - 1)] / 1000.0;
}
