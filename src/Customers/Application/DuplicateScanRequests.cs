using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// Tenants whose duplicate scan is wanted now rather than at the next periodic run (after a bulk import), run one at a
/// time by <see cref="RequestedDuplicateScanService"/>. A tenant is queued once, however often it is asked for while
/// it waits; asked for again once its scan has started, it is scanned again afterwards.
/// </summary>
public sealed class DuplicateScanRequests
{
    private readonly Channel<string> _tenants = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, bool> _waiting = new(StringComparer.Ordinal);

    public void Request(string tenantId)
    {
        if (_waiting.TryAdd(tenantId, true))
        {
            _tenants.Writer.TryWrite(tenantId);
        }
    }

    internal async Task<string> NextAsync(CancellationToken cancellationToken)
    {
        var tenantId = await _tenants.Reader.ReadAsync(cancellationToken);
        _waiting.TryRemove(tenantId, out _);
        return tenantId;
    }
}
