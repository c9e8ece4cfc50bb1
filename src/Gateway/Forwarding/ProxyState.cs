using Microsoft.Extensions.Configuration;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>The routes and clusters built once from the <c>ReverseProxy</c> section and the <c>services__*</c> addresses.</summary>
internal sealed class ProxyState : IDisposable
{
    public ProxyState(IConfiguration configuration, TimeProvider timeProvider)
    {
        var config = configuration.GetSection(ReverseProxyConfig.SectionName).Get<ReverseProxyConfig>() ?? new ReverseProxyConfig();
        Clusters = config.Clusters.ToDictionary(
            pair => pair.Key,
            pair => new Cluster(pair.Key, pair.Value, DestinationResolver.Resolve(pair.Key, pair.Value, configuration), ClusterHttpHandler.Create(), timeProvider),
            StringComparer.OrdinalIgnoreCase);
        foreach (var (routeId, route) in config.Routes)
        {
            if (!Clusters.ContainsKey(route.ClusterId))
            {
                throw new InvalidOperationException($"ReverseProxy:Routes:{routeId}:ClusterId '{route.ClusterId}' names no cluster.");
            }

            if (string.IsNullOrWhiteSpace(route.Match.Path))
            {
                throw new InvalidOperationException($"ReverseProxy:Routes:{routeId}:Match:Path is missing.");
            }
        }

        Routes = config.Routes;
    }

    public IReadOnlyDictionary<string, RouteConfig> Routes { get; }

    public IReadOnlyDictionary<string, Cluster> Clusters { get; }

    public void Dispose()
    {
        foreach (var cluster in Clusters.Values)
        {
            cluster.Dispose();
        }
    }
}
