using Microsoft.Extensions.Configuration;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Turns a cluster's configured destinations into addresses. <c>scheme://_endpoint.service</c> is Aspire's service
/// discovery form: it resolves to every <c>services:service:endpoint:N</c> value (one destination each, named
/// <c>name-N</c>); any other address is taken as is.
/// </summary>
internal static class DestinationResolver
{
    public static List<Destination> Resolve(string clusterId, ClusterConfig cluster, IConfiguration configuration)
    {
        var destinations = new List<Destination>();
        foreach (var (name, destination) in cluster.Destinations)
        {
            if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var address))
            {
                throw new InvalidOperationException(
                    $"ReverseProxy:Clusters:{clusterId}:Destinations:{name}:Address '{destination.Address}' is not an absolute URI.");
            }

            if (TryParseServiceReference(address, out var service, out var endpoint))
            {
                foreach (var instance in configuration.GetSection($"services:{service}:{endpoint}").GetChildren())
                {
                    destinations.Add(new Destination($"{name}-{instance.Key}", new Uri(instance.Value!)));
                }
            }
            else
            {
                destinations.Add(new Destination(name, address));
            }
        }

        return destinations;
    }

    private static bool TryParseServiceReference(Uri address, out string service, out string endpoint)
    {
        var host = address.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (host.StartsWith('_') && dot > 1 && dot < host.Length - 1)
        {
            endpoint = host[1..dot];
            service = host[(dot + 1)..];
            return true;
        }

        service = endpoint = string.Empty;
        return false;
    }
}
