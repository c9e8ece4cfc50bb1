using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>How often <see cref="PhaseSweepService"/> runs (<c>Customers__PhaseSweepInterval</c>, default one hour).</summary>
public sealed record PhaseSweepSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>Runs the <see cref="PhaseSweep"/> at start-up and then every interval, on the injected clock.</summary>
public sealed class PhaseSweepService(PhaseSweep sweep, TimeProvider time, PhaseSweepSettings settings, ILogger<PhaseSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            try
            {
                await sweep.DissolveInactiveAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                InteractionsLog.PhaseSweepFailed(logger, error, settings.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
