using CrmPlatform.ServiceDefaults.Background;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>How often <see cref="PhaseSweepService"/> runs (<c>Customers__PhaseSweepInterval</c>, default one hour).</summary>
public sealed record PhaseSweepSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>Runs the <see cref="PhaseSweep"/> at start-up and then every interval, on the injected clock.</summary>
public sealed class PhaseSweepService(PhaseSweep sweep, TimeProvider time, PhaseSweepSettings settings, ILogger<PhaseSweepService> logger)
    : PeriodicBackgroundService(settings.Interval, time)
{
    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sweep.DissolveInactiveAsync(Time.GetUtcNow(), cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            InteractionsLog.PhaseSweepFailed(logger, error, settings.Interval);
        }
    }
}
