using CrmPlatform.Grpc;
using CrmPlatform.Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Calls <c>grpc.health.v1.Health/Check</c> (the whole server, service "") on every destination of every cluster
/// with active checks enabled, once per interval, over the cluster's own HTTP/2 client. A failed call, a timeout or
/// any answer but SERVING, <see cref="ActiveHealthCheckConfig.ConsecutiveFailures"/> times in a row, takes the
/// destination out of rotation until a later check answers SERVING. A destination out of rotation, for a failed check
/// or a failed call, is checked every <see cref="UnavailableInterval"/> instead, so a restarted service is back in
/// rotation within about a second of serving again.
/// </summary>
internal sealed partial class ActiveHealthChecker(ProxyState proxy, TimeProvider timeProvider, ILogger<ActiveHealthChecker> logger) : BackgroundService
{
    public static readonly TimeSpan UnavailableInterval = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(proxy.Clusters.Values
            .Where(cluster => cluster.Config.HealthCheck.Active.Enabled)
            .SelectMany(cluster => cluster.Destinations.Select(destination => CheckPeriodicallyAsync(cluster, destination, stoppingToken))));

    private async Task CheckPeriodicallyAsync(Cluster cluster, Destination destination, CancellationToken stoppingToken)
    {
        var interval = cluster.Config.HealthCheck.Active.Interval;
        var tick = interval < UnavailableInterval ? interval : UnavailableInterval;
        var ticksPerInterval = Math.Max(1, (int)Math.Round(interval / tick));
        using var channel = GrpcChannel.ForAddress(
            destination.Address, new GrpcChannelOptions { HttpHandler = cluster.Handler, DisposeHttpHandler = false });
        var client = new Health.HealthClient(channel);
        try
        {
            using var timer = new PeriodicTimer(tick, timeProvider);
            var ticksSinceCheck = ticksPerInterval;
            do
            {
                if (ticksSinceCheck >= ticksPerInterval || !destination.IsAvailable(timeProvider.GetUtcNow()))
                {
                    ticksSinceCheck = 0;
                    await CheckAsync(cluster, destination, client, stoppingToken);
                }

                ticksSinceCheck++;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(Cluster cluster, Destination destination, Health.HealthClient client, CancellationToken stoppingToken)
    {
        string? failure;
        try
        {
            var deadline = timeProvider.GetUtcNow().UtcDateTime + cluster.Config.HealthCheck.Active.Timeout;
            var reply = await client.CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: deadline, cancellationToken: stoppingToken));
            failure = reply.Status == ServingStatus.Serving ? null : $"it answered {reply.Status}";
        }
        catch (RpcException exception)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            failure = $"{exception.StatusCode}: {exception.Status.Detail}";
        }

        if (!destination.RecordActiveCheck(healthy: failure is null, cluster.Config.HealthCheck.Active.ConsecutiveFailures, timeProvider.GetUtcNow()))
        {
            return;
        }

        if (failure is null)
        {
            LogHealthy(logger, destination.Id, cluster.Id);
        }
        else
        {
            LogUnhealthy(logger, destination.Id, cluster.Id, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Destination {DestinationId} of cluster {ClusterId} is healthy again")]
    private static partial void LogHealthy(ILogger logger, string destinationId, string clusterId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destination {DestinationId} of cluster {ClusterId} failed its health check: {Failure}")]
    private static partial void LogUnhealthy(ILogger logger, string destinationId, string clusterId, string failure);
}
