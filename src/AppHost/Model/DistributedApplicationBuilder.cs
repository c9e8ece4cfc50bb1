using System.Security.Cryptography;
using CrmPlatform.AppHost.Console;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Model;

/// <summary>Collects the resources of the platform; <see cref="Build"/> checks them and makes the runnable application.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly List<Func<DistributedApplication, CancellationToken, Task>> _afterStart = [];
    private readonly ILoggerFactory _loggerFactory;
    private readonly AppHostConsole? _console;

    internal DistributedApplicationBuilder(AppHostOptions options, ILoggerFactory loggerFactory, AppHostConsole? console)
    {
        Options = options;
        _loggerFactory = loggerFactory;
        _console = console;
    }

    public AppHostOptions Options { get; }

    public PostgresServerResource AddPostgres(string name) => Add(new PostgresServerResource(name));

    public RabbitMqServerResource AddRabbitMQ(string name) => Add(new RabbitMqServerResource(name));

    /// <summary>A .NET project; <paramref name="projectPath"/> is its folder relative to the repository root, e.g. "src/Customers".</summary>
    public ProjectResource AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    /// <summary>Token settings shared by the gateway (issuer) and the services (validators), with a signing key made for this run.</summary>
    public CallerTokenSettings AddCallerTokens(string issuer, string audience) =>
        new(issuer, audience, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    /// <summary>
    /// Runs <paramref name="action"/> once every resource is healthy (after the resource table is printed), e.g. to load
    /// data through a service's API. It handles its own failures: the platform keeps running either way.
    /// </summary>
    public void AfterStart(Func<DistributedApplication, CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _afterStart.Add(action);
    }

    public DistributedApplication Build()
    {
        var all = _resources
            .SelectMany(r => r is PostgresServerResource server ? [r, .. server.Databases] : new[] { r })
            .ToList();
        var duplicate = all.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two resources are named '{duplicate.Key}'.");
        }

        foreach (var resource in all)
        {
            var unknown = resource.Needs.Concat(ServicesOf(resource)).FirstOrDefault(d => !all.Contains(d));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"'{resource.Name}' depends on '{unknown.Name}', which was not added to this builder.");
            }
        }

        return new DistributedApplication(Options, Selected(all), _afterStart, _loggerFactory, _console);
    }

    private static IEnumerable<Resource> ServicesOf(Resource resource) =>
        resource is ProjectResource project ? project.Services : [];

    /// <summary>Every resource, or with <c>--only</c> the named ones plus everything they need.</summary>
    private List<Resource> Selected(List<Resource> all)
    {
        if (Options.Only is not { } only)
        {
            return all;
        }

        var unknown = only.FirstOrDefault(name => all.All(r => r.Name != name));
        if (unknown is not null)
        {
            throw new AppHostUsageException($"--only names '{unknown}', which is not a resource: {string.Join(", ", all.Select(r => r.Name))}.");
        }

        var selected = new HashSet<Resource>(all.Where(r => only.Contains(r.Name)));
        var frontier = selected.ToList();
        while (frontier.Count > 0)
        {
            frontier = frontier.SelectMany(r => r.Needs).Where(selected.Add).ToList();
        }

        return all.Where(selected.Contains).ToList();
    }

    private T Add<T>(T resource)
        where T : Resource
    {
        _resources.Add(resource);
        return resource;
    }
}
