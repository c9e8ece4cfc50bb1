using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Grpc;

/// <summary>Gets a service instance per call: from the request scope if registered, else created with a compiled factory.</summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private static readonly ObjectFactory<TService> Factory = ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);

    public static readonly bool NeedsRelease = typeof(IDisposable).IsAssignableFrom(typeof(TService)) || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    /// <summary>Returns the instance and whether this activator created it (and so must release it).</summary>
    public static TService Create(IServiceProvider services, out bool created)
    {
        if (services.GetService(typeof(TService)) is TService registered)
        {
            created = false;
            return registered;
        }

        created = true;
        return Factory(services, null);
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
