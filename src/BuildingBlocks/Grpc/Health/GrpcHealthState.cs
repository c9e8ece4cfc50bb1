using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.Grpc.Health;

/// <summary>
/// The serving status of the server ("" = overall, SERVING from the start) and of named services.
/// Set it from anywhere (e.g. when a dependency goes down); Check and Watch report it.
/// </summary>
public sealed class GrpcHealthState
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [string.Empty] = ServingStatus.Serving };
    private readonly List<Watcher> _watchers = [];

    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_sync)
        {
            _statuses[service] = status;
            foreach (var watcher in _watchers)
            {
                if (watcher.Service == service)
                {
                    watcher.Updates.Writer.TryWrite(status);
                }
            }
        }
    }

    /// <summary>Forgets a service: Check answers NOT_FOUND and watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_sync)
        {
            _statuses.Remove(service);
            foreach (var watcher in _watchers)
            {
                if (watcher.Service == service)
                {
                    watcher.Updates.Writer.TryWrite(ServingStatus.ServiceUnknown);
                }
            }
        }
    }

    /// <summary>The status of a service, or null when it was never set.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (_sync)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>The current status (SERVICE_UNKNOWN if unset), then each change, until cancelled.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(string service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watcher = new Watcher(service);
        lock (_sync)
        {
            watcher.Updates.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            _watchers.Add(watcher);
        }

        try
        {
            var last = (ServingStatus?)null;
            while (await watcher.Updates.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (watcher.Updates.Reader.TryRead(out var update))
                {
                    if (update != last)
                    {
                        last = update;
                        yield return update;
                    }
                }
            }
        }
        finally
        {
            lock (_sync)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    private sealed class Watcher(string service)
    {
        public string Service { get; } = service;

        public Channel<ServingStatus> Updates { get; } = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }
}
