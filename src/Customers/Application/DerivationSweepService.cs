using CrmPlatform.ServiceDefaults.Background;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>How often <see cref="DerivationSweepService"/> runs (<c>Customers__DerivationSweepInterval</c>, default one hour).</summary>
public sealed record DerivationSweepSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>Runs the <see cref="DerivationSweep"/> at start-up and then every interval, on the injected clock.</summary>
public sealed class DerivationSweepService(
    DerivationSweep sweep, TimeProvider time, DerivationSweepSettings settings, ILogger<DerivationSweepService> logger)
    : PeriodicBackgroundService(settings.Interval, time)
{
    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = Time.GetUtcNow();
            await sweep.DissolveInactiveAsync(now, cancellationToken);
            await sweep.AgeValueTiersAsync(now, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            InteractionsLog.DerivationSweepFailed(logger, error, settings.Interval);
        }
    }
}
