using System.Collections.Concurrent;
using System.Diagnostics;
using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Testing;

namespace CrmPlatform.AppHost.Bench;

/// <summary>Times a start of the whole platform to "all healthy" and reads each service's idle memory.</summary>
internal static class StartupBenchmark
{
    private static readonly string[] Infrastructure = ["postgres", "messaging"];

    public static async Task StartAndStopAsync(string dataDirectory)
    {
        await using var app = Create(dataDirectory);
        await app.StartAsync();
    }

    public static async Task<StartupResult> MeasureAsync(string dataDirectory, TimeSpan idle)
    {
        await using var app = Create(dataDirectory);
        var readyAfter = new ConcurrentDictionary<string, TimeSpan>();
        using var watching = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var watcher = WatchAsync(app, stopwatch, readyAfter, watching.Token);
        await app.StartAsync();
        var total = stopwatch.Elapsed;
        await watching.CancelAsync();
        await watcher;

        await Task.Delay(idle);
        var services = app.GetResources().Where(r => r.Kind == "project").ToList();
        var rss = services.ToDictionary(s => s.Name, s => ResidentSetBytes(s.ProcessIds[0]));
        var infrastructureReady = Infrastructure.Max(name => readyAfter[name]);
        return new StartupResult(total, readyAfter["postgres"], readyAfter["messaging"], total - infrastructureReady, rss);
    }

    private static DistributedApplication Create(string dataDirectory) =>
        DistributedApplicationTestingBuilder.Create(["--data-dir", dataDirectory]);

    /// <summary>Records when each resource first reports healthy.</summary>
    private static async Task WatchAsync(DistributedApplication app, Stopwatch stopwatch, ConcurrentDictionary<string, TimeSpan> readyAfter, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var resource in app.GetResources().Where(r => r.State == ResourceState.Running))
            {
                readyAfter.TryAdd(resource.Name, stopwatch.Elapsed);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    /// <summary>VmRSS from /proc/PID/status, in bytes.</summary>
    private static long ResidentSetBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }
}
