using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Application;

/// <summary>Scans the tenants <see cref="DuplicateScanRequests"/> queues, one at a time, until the host stops.</summary>
internal sealed class RequestedDuplicateScanService(
    DuplicateScanRequests requests, DuplicateScanOperations scans, ILogger<RequestedDuplicateScanService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var tenantId = await requests.NextAsync(stoppingToken);
                try
                {
                    await scans.ScanAsync(tenantId, stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    CustomersLog.ScanFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
