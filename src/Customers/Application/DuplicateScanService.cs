using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>How often the background duplicate scan runs (<c>Customers__DuplicateScanInterval</c>, default one hour).</summary>
public sealed record DuplicateScanSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>Every interval, scans the tenants whose accounts or contacts changed since their last scan.</summary>
internal sealed class DuplicateScanService(
    DuplicateScanOperations scans, DuplicateScanSettings settings, TimeProvider time, ILogger<DuplicateScanService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await scans.ScanChangedTenantsAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                CustomersLog.ScanFailed(logger, error);
            }
        }
    }
}
