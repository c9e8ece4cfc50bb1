using System.Collections.Concurrent;
using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Background;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Remembers when each API key was last used and writes it to <c>api_keys.last_used_time</c> in one statement every
/// <see cref="GatewayIdentityOptions.ApiKeyUsageFlushInterval"/> (and at shutdown), off the request path.
/// </summary>
internal sealed class ApiKeyUsage(
    ApiKeyStore keys,
    GatewayIdentityOptions options,
    TimeProvider timeProvider,
    ILogger<ApiKeyUsage> logger) : PeriodicBackgroundService(options.ApiKeyUsageFlushInterval, timeProvider)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    public void Record(Guid keyId, DateTimeOffset time) => _pending.AddOrUpdate(keyId, time, (_, known) => known > time ? known : time);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    protected override Task StoppedAsync() => FlushAsync(CancellationToken.None);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var uses = new List<KeyValuePair<Guid, DateTimeOffset>>();
        foreach (var keyId in _pending.Keys)
        {
            if (_pending.TryRemove(keyId, out var time))
            {
                uses.Add(new(keyId, time));
            }
        }

        if (uses.Count == 0)
        {
            return;
        }

        try
        {
            await keys.RecordUseAsync(uses, cancellationToken);
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException or OperationCanceledException)
        {
            IdentityLog.ApiKeyUsageNotRecorded(logger, uses.Count, error);
        }
    }
}
