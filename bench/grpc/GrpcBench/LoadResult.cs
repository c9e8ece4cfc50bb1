namespace CrmPlatform.GrpcBench;

/// <summary>A server's result over all rounds of a scenario.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P99Milliseconds)
{
    /// <summary>
    /// Mean requests per second of the rounds (each measures the same duration) and the nearest-rank
    /// 99th percentile of every successful request's latency, pooled over the rounds.
    /// </summary>
    public static LoadResult FromSamples(IReadOnlyList<LoadSample> samples)
    {
        var latencies = samples.SelectMany(sample => sample.LatenciesMicroseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(0.99 * latencies.Length) - 1;
        return new LoadResult(samples.Average(sample => sample.RequestsPerSecond), latencies[rank] / 1000.0);
    }
}
