namespace CrmPlatform.Gateway.Forwarding;

/// <summary>The <c>ReverseProxy</c> configuration section, in YARP's shape: routes matched by path, each sending to a cluster.</summary>
public sealed class ReverseProxyConfig
{
    public const string SectionName = "ReverseProxy";

    public Dictionary<string, RouteConfig> Routes { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, ClusterConfig> Clusters { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A route: requests whose path matches <see cref="RouteMatch.Path"/> (an ASP.NET Core route template) go to <see cref="ClusterId"/>.</summary>
public sealed class RouteConfig
{
    public const string AnonymousPolicy = "Anonymous";

    public string ClusterId { get; init; } = string.Empty;

    public RouteMatch Match { get; init; } = new();

    /// <summary>
    /// As in YARP: empty or <c>Default</c> needs an authenticated caller; <see cref="AnonymousPolicy"/> forwards calls
    /// without authenticating them (for a destination that authenticates callers itself, or none).
    /// </summary>
    public string? AuthorizationPolicy { get; init; }

    public bool IsAnonymous => string.Equals(AuthorizationPolicy, AnonymousPolicy, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a route matches, e.g. <c>/crm.customers.v1.Customers/{method}</c> or <c>/crm.sales.v1.{service}/{method}</c>.</summary>
public sealed class RouteMatch
{
    public string Path { get; init; } = string.Empty;
}

/// <summary>A set of interchangeable destinations with their load-balancing policy and health checks.</summary>
public sealed class ClusterConfig
{
    /// <summary><c>PowerOfTwoChoices</c> (default: the less busy of two random destinations) or <c>RoundRobin</c>.</summary>
    public string LoadBalancingPolicy { get; init; } = LoadBalancingPolicies.PowerOfTwoChoices;

    public HealthCheckConfig HealthCheck { get; init; } = new();

    /// <summary>
    /// Destinations by name. An address <c>http://_grpc.customers</c> names the <c>grpc</c> endpoint of service
    /// <c>customers</c> (Aspire's service discovery form) and becomes one destination per
    /// <c>services__customers__grpc__N</c> value; any other address is used as is.
    /// </summary>
    public Dictionary<string, DestinationConfig> Destinations { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One configured destination: an address, or an Aspire service reference that may stand for several.</summary>
public sealed class DestinationConfig
{
    public string Address { get; init; } = string.Empty;
}

/// <summary>How a cluster learns which destinations can take calls.</summary>
public sealed class HealthCheckConfig
{
    public ActiveHealthCheckConfig Active { get; init; } = new();

    public PassiveHealthCheckConfig Passive { get; init; } = new();
}

/// <summary>
/// Periodic <c>grpc.health.v1.Health/Check</c> calls to every destination; <see cref="ConsecutiveFailures"/> failed or
/// non-SERVING answers in a row mark it unhealthy (YARP's ConsecutiveFailures policy), one SERVING answer brings it back.
/// </summary>
public sealed class ActiveHealthCheckConfig
{
    public int ConsecutiveFailures { get; init; } = 2;

    public bool Enabled { get; init; } = true;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>A destination whose connection fails is marked unhealthy at once and taken back after <see cref="ReactivationPeriod"/>.</summary>
public sealed class PassiveHealthCheckConfig
{
    public bool Enabled { get; init; } = true;

    public TimeSpan ReactivationPeriod { get; init; } = TimeSpan.FromSeconds(10);
}
