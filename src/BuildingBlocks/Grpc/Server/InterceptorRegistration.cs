using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc;

/// <summary>One interceptor type. Registered in DI it is resolved from the request scope; otherwise it is created per call.</summary>
public sealed class InterceptorRegistration
{
    private readonly ObjectFactory _factory;

    public InterceptorRegistration([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(Interceptor).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not derive from {nameof(Interceptor)}.", nameof(type));
        }

        Type = type;
        _factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
    }

    public Type Type { get; }

    internal Interceptor Resolve(IServiceProvider services) =>
        (Interceptor)(services.GetService(Type) ?? _factory(services, null));
}
