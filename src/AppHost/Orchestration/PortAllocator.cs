using CrmPlatform.AppHost.Model;
using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>Gives every project endpoint a port on 127.0.0.1: its preferred one when free, else a free one.</summary>
internal static class PortAllocator
{
    public static Dictionary<ProjectResource, Dictionary<string, int>> Allocate(IReadOnlyList<ProjectResource> projects, OrchestrationContext context)
    {
        var wanted = projects
            .SelectMany(p => p.Endpoints.Select(e => (Project: p, Endpoint: e.Name, Preferred: Preferred(p, e, context.Options))))
            .ToList();
        var free = new Queue<int>(FreePorts.Pick(Math.Max(1, wanted.Count)));
        var result = projects.ToDictionary(p => p, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (project, endpoint, preferred) in wanted)
        {
            var port = preferred is > 0 && FreePorts.IsFree(preferred.Value) ? preferred.Value : free.Dequeue();
            if (preferred is > 0 && port != preferred)
            {
                AppHostLog.PreferredPortTaken(context.Logger, project.Name, preferred.Value, endpoint, port);
            }

            result[project][endpoint] = port;
        }

        return result;
    }

    /// <summary>Fresh free ports for every endpoint of one project.</summary>
    public static Dictionary<string, int> Reallocate(ProjectResource project)
    {
        var free = FreePorts.Pick(project.Endpoints.Count);
        return project.Endpoints.Select((e, i) => (e.Name, Port: free[i])).ToDictionary(x => x.Name, x => x.Port, StringComparer.Ordinal);
    }

    private static int? Preferred(ProjectResource project, EndpointDefinition endpoint, AppHostOptions options) =>
        options.Ports.TryGetValue($"{project.Name}:{endpoint.Name}", out var port) ? port
        : options.AnyPorts ? null
        : endpoint.Port;
}
