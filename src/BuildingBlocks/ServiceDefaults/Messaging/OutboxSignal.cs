using System.Threading.Channels;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes this process's dispatcher when a writer here enqueues an event. The writer has not committed yet when it
/// announces, so the dispatcher looks again with a short back-off until the row is visible. (A NOTIFY from the writing
/// transaction would arrive after commit, but PostgreSQL serialises the commits of notifying transactions, which cut
/// write throughput to a third.) Events written by other replicas are found by the dispatcher's poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _announcements = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal void Announce() => _announcements.Writer.TryWrite(true);

    /// <returns>True when an event was announced; false after <paramref name="timeout"/>.</returns>
    internal async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await _announcements.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
