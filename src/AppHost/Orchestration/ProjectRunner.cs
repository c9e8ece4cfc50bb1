using System.Diagnostics;
using CrmPlatform.AppHost.Model;
using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>Runs a project from its built output, restarts it with back-off when it crashes, stops it with SIGTERM.</summary>
internal sealed class ProjectRunner : ResourceRunner
{
    private const int StartAttempts = 3;

    private readonly ProjectResource _project;
    private CancellationTokenSource _supervision = new();
    private Dictionary<string, int> _ports;
    private ChildProcess? _process;
    private Task _supervisor = Task.CompletedTask;
    private int _restarts;

    public ProjectRunner(ProjectResource project, Dictionary<string, int> ports, OrchestrationContext context)
        : base(project, context)
    {
        _project = project;
        _ports = ports;
    }

    public override IReadOnlyDictionary<string, Uri> Urls =>
        _ports.ToDictionary(p => p.Key, p => ProjectEnvironment.Url(p.Value), StringComparer.Ordinal);

    public override IReadOnlyList<int> ProcessIds => _process?.ProcessIds ?? [];

    /// <summary>The variables the current process was started with, on top of the AppHost's own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    public override int Restarts => _restarts;

    public override string Address => string.Join("  ", Urls.Select(u => $"{u.Key} {u.Value.ToString().TrimEnd('/')}"));

    private Uri HealthUri => new(ProjectEnvironment.Url(_ports[ProjectResource.HttpEndpoint]), "/health");

    protected override async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync(cancellationToken);
                break;
            }
            catch (ServerStartException e) when (e.AddressInUse && attempt < StartAttempts)
            {
                // Nothing that needs this project has started yet, so it can still move.
                AppHostLog.PortsMoved(Context.Logger, Name);
                _ports = PortAllocator.Reallocate(_project);
            }
        }

        if (_supervision.IsCancellationRequested)
        {
            // Started again after a stop (the dashboard's start and restart actions).
            _supervision.Dispose();
            _supervision = new CancellationTokenSource();
        }

        _supervisor = SuperviseAsync(_supervision.Token);
    }

    protected override async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _supervision.CancelAsync();
        await _supervisor;
        if (_process is { } process)
        {
            await process.StopAsync(UnixSignal.Terminate, Context.Options.StopTimeout, cancellationToken);
            await process.DisposeAsync();
            _process = null;
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        if (_process is { } previous)
        {
            await previous.DisposeAsync();
        }

        Environment = ProjectEnvironment.For(_project, _ports, Context);
        _process = DotnetProject.Start(new ProjectStartInfo(Name, Path.Combine(Context.Options.RepositoryRoot, _project.ProjectPath), Context.Options.Configuration)
        {
            EnvironmentVariables = Environment,
            Output = OnOutput,
        });
        await DotnetProject.WaitUntilHealthyAsync(_process, HealthUri, Context.Options.StartTimeout, cancellationToken);
    }

    /// <summary>Restarts the process whenever it exits on its own, waiting longer after each crash in a row.</summary>
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var crashesInARow = 0;
        var upSince = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var exitCode = await _process!.Exited.WaitAsync(cancellationToken);
                crashesInARow = upSince.Elapsed > RestartBackoff.StableAfter ? 1 : crashesInARow + 1;
                var delay = RestartBackoff.Delay(crashesInARow);
                State = ResourceState.Restarting;
                Interlocked.Increment(ref _restarts);
                AppHostLog.Crashed(Context.Logger, Name, exitCode, delay.TotalSeconds, _restarts);
                await Task.Delay(delay, cancellationToken);
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    await LaunchAsync(cancellationToken);
                    upSince.Restart();
                    State = ResourceState.Running;
                    AppHostLog.Restarted(Context.Logger, Name, stopwatch.Elapsed.TotalSeconds);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    AppHostLog.RestartFailed(Context.Logger, Name, e);
                    _process.Kill();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: StopCoreAsync stops the current process.
        }
    }

    private void OnOutput(ServerOutputLine line)
    {
        Log.Add(line);
        if (Context.Options.EchoLogs)
        {
            AppHostLog.Output(Context.Logger, Name, line.Text);
        }
    }
}
