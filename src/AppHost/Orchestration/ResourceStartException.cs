namespace CrmPlatform.AppHost.Orchestration;

/// <summary>A resource did not start; <see cref="Exception.InnerException"/> says why (with the process's last output).</summary>
public sealed class ResourceStartException(string resourceName, string message, Exception? innerException = null, bool dependencyFailed = false)
    : Exception(message, innerException)
{
    public string ResourceName { get; } = resourceName;

    /// <summary>True when the resource was never started because something it needs failed.</summary>
    public bool DependencyFailed { get; } = dependencyFailed;
}
