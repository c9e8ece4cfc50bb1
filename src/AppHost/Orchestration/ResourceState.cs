namespace CrmPlatform.AppHost.Orchestration;

public enum ResourceState
{
    /// <summary>Not started yet: waiting for the resources it needs.</summary>
    Waiting,
    Starting,

    /// <summary>Started and healthy (infrastructure: ready; projects: <c>/health</c> answered 200).</summary>
    Running,

    /// <summary>The process exited unexpectedly; it is started again after a back-off delay.</summary>
    Restarting,
    FailedToStart,
    Stopping,
    Stopped,
}
