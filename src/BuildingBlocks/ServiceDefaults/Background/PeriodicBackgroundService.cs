using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Background;

/// <summary>
/// Runs <see cref="RunOnceAsync"/> once per interval on the given clock (also at start-up when <see cref="RunsAtStart"/>)
/// until the host stops, then <see cref="StoppedAsync"/>. A run's own failures are the subclass's to log: one that
/// escapes stops the service.
/// </summary>
public abstract class PeriodicBackgroundService(TimeSpan interval, TimeProvider time) : BackgroundService
{
    /// <summary>The clock the runs are timed on.</summary>
    protected TimeProvider Time { get; } = time;

    protected virtual bool RunsAtStart => false;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>After the last run, once the host is stopping.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        try
        {
            if (RunsAtStart)
            {
                await RunOnceAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await StoppedAsync();
    }
}
