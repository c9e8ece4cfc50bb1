using CrmPlatform.ServiceDefaults.Background;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>How often the background duplicate scan runs (<c>Customers__DuplicateScanInterval</c>, default one hour).</summary>
public sealed record DuplicateScanSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>Every interval, scans the tenants whose accounts or contacts changed since their last scan.</summary>
internal sealed class DuplicateScanService(
    DuplicateScanOperations scans, DuplicateScanSettings settings, TimeProvider time, ILogger<DuplicateScanService> logger)
    : PeriodicBackgroundService(settings.Interval, time)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await scans.ScanChangedTenantsAsync(cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            CustomersLog.ScanFailed(logger, error);
        }
    }
}
