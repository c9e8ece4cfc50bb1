using CrmPlatform.Contracts.Customers.V1;
using CrmPlatform.Gateway.Forwarding;
using CrmPlatform.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmPlatform.Gateway;

/// <summary>The gateway's forwarder: YARP-shaped routes and clusters from the <c>ReverseProxy</c> configuration section.</summary>
public static class GatewayForwardingExtensions
{
    /// <summary>Builds the clusters (destinations from <c>services__*</c>), the forwarder and the active health checks.</summary>
    public static TBuilder AddGatewayForwarding<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProxyState>();
        builder.Services.AddSingleton<HttpForwarder>();
        builder.Services.AddHostedService<ActiveHealthChecker>();
        return builder;
    }

    /// <summary>
    /// Maps every route to the forwarder and lets server reflection describe the services behind the routes.
    /// Call it last, after the gateway's own endpoints.
    /// </summary>
    public static WebApplication MapGatewayForwarding(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<ProxyState>();
        var forwarder = app.Services.GetRequiredService<HttpForwarder>();
        foreach (var (routeId, route) in proxy.Routes)
        {
            var cluster = proxy.Clusters[route.ClusterId];
            var endpoint = app.Map(route.Match.Path, context => forwarder.ForwardAsync(context, cluster))
                .WithDisplayName($"forward {routeId} to cluster {cluster.Id}");
            if (route.IsAnonymous)
            {
                endpoint.AllowAnonymous();
            }
        }

        RoutedServiceDescriptors.Register(app.Services.GetRequiredService<GrpcServiceRegistry>(), proxy.Routes.Values, typeof(Customers).Assembly);
        return app;
    }
}
