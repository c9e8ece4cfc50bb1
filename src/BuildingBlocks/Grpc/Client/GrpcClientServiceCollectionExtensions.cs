using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmPlatform.Grpc;

public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (transient) calling the service named <paramref name="serviceName"/>, whose
    /// address comes from configuration as Aspire passes it: <c>services:&lt;name&gt;:grpc:0</c>, else <c>services:&lt;name&gt;:http:0</c>,
    /// else <c>services:&lt;name&gt;:https:0</c> (environment <c>services__customers__grpc__0</c>). Clients of one address share one channel.
    /// </summary>
    public static IServiceCollection AddGrpcClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services,
        string serviceName,
        Action<GrpcChannelOptions>? configureChannel = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        services.TryAddSingleton<GrpcChannelCache>();
        var factory = ActivatorUtilities.CreateFactory<TClient>([typeof(ChannelBase)]);
        services.AddTransient(provider =>
        {
            var address = ResolveAddress(provider.GetRequiredService<IConfiguration>(), serviceName);
            var channel = provider.GetRequiredService<GrpcChannelCache>().GetOrCreate(address, configureChannel);
            return factory(provider, [channel]);
        });
        return services;
    }

    internal static string ResolveAddress(IConfiguration configuration, string serviceName)
    {
        string[] endpoints = ["grpc", "http", "https"];
        foreach (var endpoint in endpoints)
        {
            var value = configuration[$"services:{serviceName}:{endpoint}:0"];
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        throw new InvalidOperationException(
            $"No address for gRPC service '{serviceName}': set services:{serviceName}:grpc:0 (env services__{serviceName}__grpc__0) or services:{serviceName}:http:0.");
    }
}
