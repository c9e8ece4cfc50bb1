using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    private const string UnimplementedPattern = "{unimplementedService}/{unimplementedMethod}";
    private const string HttpMethodPost = "POST";

    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> (found through the <see cref="BindServiceMethodAttribute"/>
    /// on its generated base class) as a POST endpoint at <c>/package.Service/Method</c>.
    /// </summary>
    public static GrpcEndpointConventionBuilder MapGrpcService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TService)} has no [BindServiceMethod] base class; derive it from a generated service base.");
        var bindMethod = FindBindMethod(attribute).MakeGenericMethod(typeof(TService));
        var binder = new ServiceBinder<TService>();
        bindMethod.Invoke(null, [binder]);
        return MapBindings(endpoints, binder.Bindings, FindDescriptor(attribute.BindType));
    }

    /// <summary>Maps a service whose binding is given directly, with its descriptor for server reflection.</summary>
    public static GrpcEndpointConventionBuilder MapGrpcService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(
        this IEndpointRouteBuilder endpoints,
        Action<ServiceBinder<TService>> bind,
        ServiceDescriptor? descriptor = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(bind);
        var binder = new ServiceBinder<TService>();
        bind(binder);
        return MapBindings(endpoints, binder.Bindings, descriptor);
    }

    private static GrpcEndpointConventionBuilder MapBindings(IEndpointRouteBuilder endpoints, IReadOnlyList<IServerMethodBinding> bindings, ServiceDescriptor? descriptor)
    {
        var runtime = endpoints.ServiceProvider.GetService<GrpcServerRuntime>()
            ?? throw new InvalidOperationException("gRPC services are not registered; call services.AddGrpc() first.");
        var builders = new List<IEndpointConventionBuilder>(bindings.Count);
        foreach (var binding in bindings)
        {
            runtime.Registry.Add(binding.Method.ServiceName, descriptor);
            var handler = binding.CreateHandler(runtime);
            var builder = endpoints.Map(RoutePatternFactory.Parse(binding.Method.FullName), handler.HandleCallAsync)
                .WithMetadata(new HttpMethodMetadata([HttpMethodPost]), binding.Method)
                .WithDisplayName("gRPC - " + binding.Method.FullName);
            builders.Add(builder);
        }

        if (descriptor is not null)
        {
            runtime.Registry.Add(descriptor.FullName, descriptor);
        }

        MapUnimplementedOnce(endpoints, runtime);
        return new GrpcEndpointConventionBuilder(builders);
    }

    /// <summary>
    /// Maps the catch-all that answers UNIMPLEMENTED for unknown services and methods. It allows anonymous callers:
    /// saying a method does not exist reveals no more than server reflection does.
    /// </summary>
    private static void MapUnimplementedOnce(IEndpointRouteBuilder endpoints, GrpcServerRuntime runtime)
    {
        foreach (var source in endpoints.DataSources)
        {
            foreach (var endpoint in source.Endpoints)
            {
                if (endpoint.Metadata.GetMetadata<UnimplementedCallHandler>() is not null)
                {
                    return;
                }
            }
        }

        var handler = new UnimplementedCallHandler(runtime);
        var pattern = RoutePatternFactory.Parse(UnimplementedPattern, defaults: null, parameterPolicies: new RouteValueDictionary { ["unimplementedService"] = new GrpcContentTypeRouteConstraint() });
        endpoints.Map(pattern, handler.HandleCallAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethodPost]), handler)
            .WithDisplayName("gRPC - Unimplemented")
            .AllowAnonymous()
            .Add(builder => ((RouteEndpointBuilder)builder).Order = int.MaxValue - 1);
    }

    private static MethodInfo FindBindMethod(BindServiceMethodAttribute attribute)
    {
        foreach (var method in attribute.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        {
            if (method.Name == attribute.BindMethodName && method.IsGenericMethodDefinition && method.GetParameters().Length == 1)
            {
                return method;
            }
        }

        throw new InvalidOperationException($"{attribute.BindType} has no static generic method {attribute.BindMethodName}<TService>(ServiceBinder<TService>).");
    }

    private static ServiceDescriptor? FindDescriptor([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] Type bindType)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        return bindType.GetProperty("Descriptor", flags)?.GetValue(null) as ServiceDescriptor
            ?? bindType.GetField("Descriptor", flags)?.GetValue(null) as ServiceDescriptor;
    }
}
