namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// A cluster at run time: its destinations, the one HTTP/2 client they share, and how a destination is picked
/// among those currently available.
/// </summary>
internal sealed class Cluster(
    string id,
    ClusterConfig config,
    IReadOnlyList<Destination> destinations,
    HttpMessageHandler handler,
    TimeProvider timeProvider) : IDisposable
{
    private readonly Func<IReadOnlyList<Destination>, Destination> _pick = LoadBalancingPolicies.Create(config.LoadBalancingPolicy, id);

    public string Id { get; } = id;

    public ClusterConfig Config { get; } = config;

    public IReadOnlyList<Destination> Destinations { get; } = destinations;

    /// <summary>The HTTP/2 connection pool shared by forwarded calls and active health checks.</summary>
    public HttpMessageHandler Handler { get; } = handler;

    public HttpMessageInvoker Invoker { get; } = new(handler, disposeHandler: true);

    /// <summary>An available destination other than <paramref name="excluded"/>, or null when there is none.</summary>
    public Destination? PickDestination(Destination? excluded)
    {
        var now = timeProvider.GetUtcNow();
        var all = Destinations;
        if (all.Count == 1)
        {
            return all[0] != excluded && all[0].IsAvailable(now) ? all[0] : null;
        }

        var available = new List<Destination>(all.Count);
        foreach (var destination in all)
        {
            if (destination != excluded && destination.IsAvailable(now))
            {
                available.Add(destination);
            }
        }

        return available.Count == 0 ? null : _pick(available);
    }

    /// <summary>Takes a destination whose connection failed out of rotation for the passive reactivation period.</summary>
    public bool MarkFailed(Destination destination)
    {
        if (!Config.HealthCheck.Passive.Enabled)
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        return destination.MarkPassiveUnhealthy(now, now + Config.HealthCheck.Passive.ReactivationPeriod);
    }

    public void Dispose() => Invoker.Dispose();
}
