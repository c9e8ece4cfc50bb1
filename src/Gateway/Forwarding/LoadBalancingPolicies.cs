namespace CrmPlatform.Gateway.Forwarding;

/// <summary>How a cluster picks one of its available destinations for a call.</summary>
internal static class LoadBalancingPolicies
{
    public const string PowerOfTwoChoices = nameof(PowerOfTwoChoices);
    public const string RoundRobin = nameof(RoundRobin);

    public static Func<IReadOnlyList<Destination>, Destination> Create(string policy, string clusterId) => policy switch
    {
        _ when policy.Equals(PowerOfTwoChoices, StringComparison.OrdinalIgnoreCase) => PickLessBusyOfTwo,
        _ when policy.Equals(RoundRobin, StringComparison.OrdinalIgnoreCase) => new RoundRobinCounter().Pick,
        _ => throw new InvalidOperationException(
            $"ReverseProxy:Clusters:{clusterId}:LoadBalancingPolicy '{policy}' is not supported; use {PowerOfTwoChoices} or {RoundRobin}."),
    };

    /// <summary>Two distinct random destinations, the one with fewer calls in flight wins (YARP's default).</summary>
    private static Destination PickLessBusyOfTwo(IReadOnlyList<Destination> available)
    {
        if (available.Count == 1)
        {
            return available[0];
        }

        var first = Random.Shared.Next(available.Count);
        var second = Random.Shared.Next(available.Count - 1);
        if (second >= first)
        {
            second++;
        }

        return available[second].InFlight < available[first].InFlight ? available[second] : available[first];
    }

    private sealed class RoundRobinCounter
    {
        private uint _next;

        public Destination Pick(IReadOnlyList<Destination> available) =>
            available[(int)(Interlocked.Increment(ref _next) % (uint)available.Count)];
    }
}
