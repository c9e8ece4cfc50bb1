namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// One address of a cluster, with the health the active checks and passive failures recorded for it and the number
/// of calls it is serving right now. It takes calls unless the last active check failed or a passive mark is in force.
/// </summary>
internal sealed class Destination(string id, Uri address)
{
    private int _inFlight;
    private int _activeFailures;
    private int _activeUnhealthy;
    private long _passiveUnhealthyUntil;

    public string Id { get; } = id;

    public Uri Address { get; } = address;

    /// <summary>Scheme, host and port with no trailing slash: the request path is appended to it.</summary>
    public string Prefix { get; } = address.GetLeftPart(UriPartial.Authority);

    public int InFlight => Volatile.Read(ref _inFlight);

    public bool IsActiveUnhealthy => Volatile.Read(ref _activeUnhealthy) != 0;

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    public bool IsAvailable(DateTimeOffset now) => !IsActiveUnhealthy && now.UtcTicks >= Volatile.Read(ref _passiveUnhealthyUntil);

    /// <summary>
    /// Records an active check's outcome: a success puts the destination back, also after a failed call (it answers
    /// now); <paramref name="threshold"/> failures in a row take it out. True when that changed the destination's state.
    /// </summary>
    public bool RecordActiveCheck(bool healthy, int threshold, DateTimeOffset now)
    {
        if (healthy)
        {
            Interlocked.Exchange(ref _activeFailures, 0);
            var wasPassiveUnhealthy = Interlocked.Exchange(ref _passiveUnhealthyUntil, 0) > now.UtcTicks;
            return (Interlocked.Exchange(ref _activeUnhealthy, 0) != 0) | wasPassiveUnhealthy;
        }

        return Interlocked.Increment(ref _activeFailures) >= threshold && Interlocked.Exchange(ref _activeUnhealthy, 1) == 0;
    }

    /// <summary>Keeps the destination out of rotation until <paramref name="until"/>; true when it was in rotation before.</summary>
    public bool MarkPassiveUnhealthy(DateTimeOffset now, DateTimeOffset until) =>
        Interlocked.Exchange(ref _passiveUnhealthyUntil, until.UtcTicks) <= now.UtcTicks;
}
