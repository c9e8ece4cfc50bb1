using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc;

/// <summary>
/// Gets a service instance per call: from the request scope if the service is registered, else created with a
/// compiled factory. A service that is not registered and whose only constructor takes nothing is created without
/// touching the request scope, so such calls don't create one.
/// </summary>
internal sealed class ServiceActivator<TService>(GrpcServerRuntime runtime)
    where TService : class
{
    private static readonly ObjectFactory<TService> Factory = ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);

    private static readonly bool NeedsNoServices = typeof(TService).GetConstructors() is [{ } only] && only.GetParameters().Length == 0;

    public static readonly bool NeedsRelease = typeof(IDisposable).IsAssignableFrom(typeof(TService)) || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    private readonly bool _registered = runtime.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? true;

    /// <summary>Returns the instance and whether this activator created it (and so must release it).</summary>
    public TService Create(HttpContext httpContext, out bool created)
    {
        if (_registered)
        {
            created = false;
            return httpContext.RequestServices.GetRequiredService<TService>();
        }

        created = true;
        return Factory(NeedsNoServices ? runtime.Services : httpContext.RequestServices, null);
    }

    public static ValueTask ReleaseAsync(TService service)
    {
        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
