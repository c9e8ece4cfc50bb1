namespace CrmPlatform.AppHost.Model;

public static class ResourceExtensions
{
    /// <summary>Starts <paramref name="resource"/> only after <paramref name="dependency"/> reports healthy.</summary>
    public static T WaitFor<T>(this T resource, Resource dependency)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(dependency);
        resource.AddWaitFor(dependency);
        return resource;
    }
}
