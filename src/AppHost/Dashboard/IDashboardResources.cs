using CrmPlatform.AppHost.Orchestration;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>What the dashboard shows and controls of the running platform.</summary>
public interface IDashboardResources
{
    IReadOnlyList<DashboardResource> List();

    /// <summary>The console output of a resource, or null if there is no such resource.</summary>
    ResourceLog? ConsoleOf(string name);

    /// <summary>"start", "stop" or "restart" a project; false when the resource or action is unknown.</summary>
    Task<bool> ExecuteAsync(string name, string action, CancellationToken cancellationToken);
}

/// <summary>A resource row: <paramref name="Health"/> is "healthy", "unhealthy" or "unknown".</summary>
public sealed record DashboardResource(
    string Name,
    string Type,
    string State,
    DateTimeOffset? StartedAt,
    IReadOnlyDictionary<string, string> Endpoints,
    string Health,
    int Restarts,
    IReadOnlyList<string> Actions);

/// <summary>No orchestrator: a dashboard started on its own shows telemetry only.</summary>
public sealed class NoResources : IDashboardResources
{
    public static readonly NoResources Instance = new();

    public IReadOnlyList<DashboardResource> List() => [];

    public ResourceLog? ConsoleOf(string name) => null;

    public Task<bool> ExecuteAsync(string name, string action, CancellationToken cancellationToken) => Task.FromResult(false);
}
