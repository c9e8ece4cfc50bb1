namespace CrmPlatform.Events.Bench;

internal sealed record LatencyResult(int Count, int Missing, double AchievedRate, double P50, double P99)
{
    public static LatencyResult From(IReadOnlyList<double> latenciesMs, int sent, TimeSpan elapsed)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LatencyResult(sorted.Length, sent - sorted.Length, sent / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99));
    }
}
