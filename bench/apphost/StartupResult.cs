using System.Globalization;

namespace CrmPlatform.AppHost.Bench;

/// <param name="AllHealthy">From start to every resource healthy.</param>
/// <param name="Postgres">From start to PostgreSQL accepting connections.</param>
/// <param name="RabbitMq">From start to RabbitMQ booted.</param>
/// <param name="Services">From the last infrastructure server ready to every service healthy.</param>
/// <param name="IdleResidentSetBytes">VmRSS of each service's process after a few idle seconds.</param>
internal sealed record StartupResult(TimeSpan AllHealthy, TimeSpan Postgres, TimeSpan RabbitMq, TimeSpan Services, IReadOnlyDictionary<string, long> IdleResidentSetBytes)
{
    private const double StartTargetSeconds = 15;
    private const double RssTargetMegabytes = 120;

    public IEnumerable<string> Report()
    {
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"apphost start: all healthy in {AllHealthy.TotalSeconds:0.0} s (postgres {Postgres.TotalSeconds:0.0} s, rabbitmq {RabbitMq.TotalSeconds:0.0} s, services {Services.TotalSeconds:0.0} s); target ≤ {StartTargetSeconds:0} s: {Verdict(AllHealthy.TotalSeconds <= StartTargetSeconds)}");
        foreach (var (service, bytes) in IdleResidentSetBytes)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"apphost idle rss: {service} {Megabytes(bytes):0.0} MB");
        }

        var largest = IdleResidentSetBytes.Values.Max();
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"apphost idle rss: total {Megabytes(IdleResidentSetBytes.Values.Sum()):0.0} MB for {IdleResidentSetBytes.Count} services, largest {Megabytes(largest):0.0} MB; target ≤ {RssTargetMegabytes:0} MB each: {Verdict(Megabytes(largest) <= RssTargetMegabytes)}");
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
