using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Listens on the outbox's notification channel (NOTIFY is delivered only when the writing transaction commits) and
/// wakes the dispatcher. Reconnects after a lost connection; the dispatcher's poll covers the gap.
/// </summary>
internal sealed partial class OutboxSignal(NpgsqlDataSource dataSource, ILogger<OutboxSignal> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes when a commit notified the outbox, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wakeUps.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {Outbox.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _wakeUps.Writer.TryWrite(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException && !stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, error);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the outbox notification connection; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception error);
}
