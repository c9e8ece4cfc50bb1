using System.Diagnostics;
using CrmPlatform.AppHost.Model;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>
/// Starts every resource as soon as what it needs is healthy (independent ones in parallel) and stops each one only
/// after everything that needs it has stopped: services first, infrastructure last.
/// </summary>
internal sealed class Orchestrator
{
    private readonly OrchestrationContext _context;
    private readonly IReadOnlyList<ResourceRunner> _runners;
    private readonly CancellationTokenSource _starting = new();
    private readonly Lock _lock = new();
    private Task? _start;
    private Task? _stop;

    public Orchestrator(IReadOnlyList<Resource> resources, OrchestrationContext context)
    {
        _context = context;
        var ports = PortAllocator.Allocate(resources.OfType<ProjectResource>().ToList(), context);
        foreach (var resource in resources)
        {
            context.Runners[resource] = resource switch
            {
                PostgresServerResource postgres => new PostgresRunner(postgres, context),
                PostgresDatabaseResource database => new DatabaseRunner(database, context),
                RabbitMqServerResource rabbitMq => new RabbitMqRunner(rabbitMq, context),
                ProjectResource project => new ProjectRunner(project, ports[project], context),
                _ => throw new NotSupportedException($"No runner for {resource}."),
            };
        }

        _runners = [.. context.Runners.Values];
    }

    public IReadOnlyList<ResourceRunner> Runners => _runners;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _start ??= StartCoreAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _start ??= Task.CompletedTask;
            return _stop ??= StopCoreAsync(cancellationToken);
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(_starting.Cancel);
        var stopwatch = Stopwatch.StartNew();
        WipeDataIfFresh();
        var starts = _runners.Select(r => r.StartAsync(NeedsOf(r), _starting.Token)).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch (Exception) when (starts.Any(s => s.IsFaulted))
        {
            throw starts
                .Where(s => s.IsFaulted)
                .Select(s => s.Exception!.InnerException)
                .OfType<ResourceStartException>()
                .OrderBy(e => e.DependencyFailed)
                .First();
        }

        AppHostLog.AllRunning(_context.Logger, _runners.Count, stopwatch.Elapsed.TotalSeconds);
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        AppHostLog.Stopping(_context.Logger);
        var stopwatch = Stopwatch.StartNew();
        await _starting.CancelAsync();
        try
        {
            await _start!;
        }
        catch (Exception)
        {
            // Start failed or was cancelled; stop whatever got going.
        }

        var stops = new Dictionary<ResourceRunner, Task>();
        var visiting = new HashSet<ResourceRunner>();
        Task StopAfterDependents(ResourceRunner runner)
        {
            if (!stops.TryGetValue(runner, out var stop))
            {
                if (!visiting.Add(runner))
                {
                    // Projects referencing each other: neither waits for the other.
                    return Task.CompletedTask;
                }

                var dependents = _runners.Where(d => NeedsOf(d).Contains(runner) || ServicesOf(d).Contains(runner)).Select(StopAfterDependents).ToList();
                stop = StopWhenDoneAsync(runner, dependents, cancellationToken);
                stops[runner] = stop;
            }

            return stop;
        }

        await Task.WhenAll(_runners.Select(StopAfterDependents).ToList());
        AppHostLog.AllStopped(_context.Logger, stopwatch.Elapsed.TotalSeconds);
    }

    private static async Task StopWhenDoneAsync(ResourceRunner runner, List<Task> dependents, CancellationToken cancellationToken)
    {
        await Task.WhenAll(dependents);
        await runner.StopAsync(cancellationToken);
    }

    private List<ResourceRunner> NeedsOf(ResourceRunner runner) =>
        runner.Resource.Needs.Select(n => _context.Runners[n]).ToList();

    private List<ResourceRunner> ServicesOf(ResourceRunner runner) =>
        runner.Resource is ProjectResource project
            ? project.Services.Where(_context.Runners.ContainsKey).Select(s => _context.Runners[s]).ToList()
            : [];

    private void WipeDataIfFresh()
    {
        if (!_context.Options.Fresh)
        {
            return;
        }

        foreach (var server in _runners.Where(r => r is PostgresRunner or RabbitMqRunner))
        {
            if (_context.DataDirectoryOf(server.Resource) is { } directory && Directory.Exists(directory))
            {
                AppHostLog.Wiping(_context.Logger, directory);
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
