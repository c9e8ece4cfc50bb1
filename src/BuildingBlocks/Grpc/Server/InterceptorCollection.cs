using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace CrmPlatform.Grpc;

/// <summary>Server interceptor types, resolved per call from DI or created with their DI dependencies.</summary>
public sealed class InterceptorCollection : Collection<InterceptorRegistration>
{
    public void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInterceptor>()
        where TInterceptor : Interceptor =>
        Add(new InterceptorRegistration(typeof(TInterceptor)));

    public void Add([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type interceptorType) =>
        Add(new InterceptorRegistration(interceptorType));
}
