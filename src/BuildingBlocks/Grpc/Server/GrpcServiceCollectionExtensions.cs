using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmPlatform.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers the gRPC server runtime; map services with <c>MapGrpcService&lt;T&gt;()</c>.</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<GrpcServerRuntime>();
        services.TryAddSingleton<Health.GrpcHealthState>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, GrpcEndpointShortcut.StartupFilter>());
        return services;
    }
}
