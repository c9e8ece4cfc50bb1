using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Orchestration;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>The orchestrator's resources as the dashboard shows them; projects can be stopped, started and restarted.</summary>
internal sealed class OrchestratorResources(IReadOnlyList<ResourceRunner> runners) : IDashboardResources
{
    private readonly SemaphoreSlim _actions = new(1, 1);

    public IReadOnlyList<DashboardResource> List() => [.. runners.Select(Describe)];

    public ResourceLog? ConsoleOf(string name) => Find(name)?.Log;

    public async Task<bool> ExecuteAsync(string name, string action, CancellationToken cancellationToken)
    {
        if (Find(name) is not { Resource: ProjectResource } runner || !ActionsOf(runner).Contains(action))
        {
            return false;
        }

        await _actions.WaitAsync(cancellationToken);
        try
        {
            if (action is "stop" or "restart")
            {
                await runner.StopAsync(cancellationToken);
            }

            if (action is "start" or "restart")
            {
                await runner.StartAsync([], cancellationToken);
            }

            return true;
        }
        finally
        {
            _actions.Release();
        }
    }

    private static DashboardResource Describe(ResourceRunner runner) => new(
        runner.Name,
        runner.Resource.Kind,
        runner.State.ToString(),
        runner.StartedAt,
        runner.Urls.ToDictionary(u => u.Key, u => u.Value.ToString(), StringComparer.Ordinal),
        runner.State switch
        {
            ResourceState.Running => "healthy",
            ResourceState.Restarting or ResourceState.FailedToStart => "unhealthy",
            _ => "unknown",
        },
        runner.Restarts,
        ActionsOf(runner));

    private static IReadOnlyList<string> ActionsOf(ResourceRunner runner) => runner.Resource is not ProjectResource
        ? []
        : runner.State switch
        {
            ResourceState.Running or ResourceState.Restarting => ["restart", "stop"],
            ResourceState.Stopped or ResourceState.FailedToStart => ["start"],
            _ => [],
        };

    private ResourceRunner? Find(string name) => runners.FirstOrDefault(r => r.Name == name);
}
