using System.Collections.Concurrent;
using CrmPlatform.AppHost.Console;
using CrmPlatform.AppHost.Dashboard;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Testing;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Model;

/// <summary>The platform built from a <see cref="DistributedApplicationBuilder"/>: start it, look at its resources, stop it.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Orchestrator _orchestrator;
    private readonly OrchestrationContext _context;
    private readonly AppHostConsole? _console;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IReadOnlyList<Func<DistributedApplication, CancellationToken, Task>> _afterStart;
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    internal DistributedApplication(
        AppHostOptions options,
        IReadOnlyList<Resource> resources,
        IReadOnlyList<Func<DistributedApplication, CancellationToken, Task>> afterStart,
        ILoggerFactory loggerFactory,
        AppHostConsole? console)
    {
        Options = options;
        _afterStart = [.. afterStart];
        _console = console;
        _loggerFactory = loggerFactory;
        _context = new OrchestrationContext(options, loggerFactory.CreateLogger("CrmPlatform.AppHost"));
        _orchestrator = new Orchestrator(resources, _context);
    }

    public AppHostOptions Options { get; }

    /// <summary>A logger that writes where the AppHost's own messages go (its console, or a test's logger factory).</summary>
    public ILogger CreateLogger(string categoryName) => _loggerFactory.CreateLogger(categoryName);

    /// <summary>The ops dashboard, once <see cref="StartDashboardAsync"/> ran.</summary>
    public DashboardServer? Dashboard { get; private set; }

    public IReadOnlyList<string> ResourceNames => [.. _orchestrator.Runners.Select(r => r.Name)];

    /// <summary>Parses the command line (see <see cref="AppHostOptions.Usage"/>); a bad one prints the usage and exits.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        if (TestingCapture.Current is { } capture)
        {
            return new DistributedApplicationBuilder(AppHostOptions.Parse(args), capture.LoggerFactory, console: null);
        }

        AppHostOptions options;
        try
        {
            options = AppHostOptions.Parse(args);
        }
        catch (AppHostUsageException e)
        {
            (e.IsHelp ? System.Console.Out : System.Console.Error).WriteLine(e.Message);
            Environment.Exit(e.IsHelp ? 0 : 2);
            throw;
        }

        var console = new AppHostConsole();
        return new DistributedApplicationBuilder(options, LoggerFactory.Create(logging => logging.AddProvider(console)), console);
    }

    public IReadOnlyList<ResourceSnapshot> GetResources() => [.. _orchestrator.Runners.Select(r => r.Snapshot())];

    public ResourceSnapshot GetResource(string name) => Runner(name).Snapshot();

    /// <summary>The captured console output of a resource's processes (kept across restarts, bounded).</summary>
    public ResourceLog GetLogs(string name) => Runner(name).Log;

    /// <summary>A project endpoint: "http" (HTTP/1.1) or "grpc" (h2c).</summary>
    public Uri GetEndpoint(string name, string endpoint = ProjectResource.HttpEndpoint) =>
        Runner(name).Urls.TryGetValue(endpoint, out var url) ? url : throw new KeyNotFoundException($"{name} has no endpoint '{endpoint}'.");

    /// <summary>What a reference to the resource passes as <c>ConnectionStrings__&lt;name&gt;</c>; available once it runs.</summary>
    public string GetConnectionString(string name) =>
        Runner(name).ConnectionString ?? throw new InvalidOperationException($"{name} has no connection string (not running, or not a server or database).");

    /// <summary>The variables a project was (last) started with, e.g. <c>ConnectionStrings__*</c>, <c>services__*</c>, <c>Auth__*</c>.</summary>
    public IReadOnlyDictionary<string, string> GetEnvironment(string name) =>
        Runner(name) is ProjectRunner project ? project.Environment : throw new InvalidOperationException($"{name} is not a project.");

    /// <summary>
    /// A project of the application, to change before <see cref="StartAsync"/>: a test gives the gateway a known admin
    /// password with <c>GetProject("gateway").WithEnvironment("Gateway__AdminPassword", …)</c>.
    /// </summary>
    public ProjectResource GetProject(string name) =>
        Runner(name).Resource as ProjectResource ?? throw new InvalidOperationException($"{name} is not a project.");

    /// <summary>A generated gRPC client for the project's h2c endpoint; clients of one resource share one channel.</summary>
    public TClient CreateClient<TClient>(string name)
        where TClient : ClientBase<TClient>
    {
        var channel = _channels.GetOrAdd(name, n => GrpcChannel.ForAddress(GetEndpoint(n, ProjectResource.GrpcEndpoint)));
        return (TClient)Activator.CreateInstance(typeof(TClient), channel)!;
    }

    /// <summary>
    /// Starts the ops dashboard over this application's resources. Call it before <see cref="StartAsync"/>: services then
    /// export their telemetry to it (with its API key), unless <c>--otlp</c> names another collector.
    /// </summary>
    public async Task<DashboardServer> StartDashboardAsync(DashboardOptions options, CancellationToken cancellationToken = default)
    {
        Dashboard = await DashboardServer.StartAsync(options, new OrchestratorResources(_orchestrator.Runners), _loggerFactory, cancellationToken);
        if (Options.OtlpEndpoint is null)
        {
            _context.OtlpEndpoint = Dashboard.OtlpHttpUrl;
            _context.OtlpHeaders = options.ApiKey is { } key ? $"{DashboardOptions.ApiKeyHeader}={key}" : null;
        }

        return Dashboard;
    }

    /// <summary>
    /// Starts everything, then runs what Program.cs registered with <see cref="DistributedApplicationBuilder.AfterStart"/>
    /// (the demo data under <c>--demo</c>); throws <see cref="ResourceStartException"/> if a resource fails.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _orchestrator.StartAsync(cancellationToken);
        await RunAfterStartAsync(cancellationToken);
    }

    /// <summary>Stops services first, then infrastructure; cancelling kills what is left at once.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _orchestrator.StopAsync(cancellationToken);

    /// <summary>Waits until the resource is in <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(string name, ResourceState state, CancellationToken cancellationToken = default)
    {
        var runner = Runner(name);
        while (runner.State != state)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>
    /// Starts the platform, prints the resource table and runs until Ctrl-C, SIGTERM or SIGHUP (a second one kills at once),
    /// then stops services before infrastructure. Under <see cref="DistributedApplicationTestingBuilder"/> it only hands this application over.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (TestingCapture.Current is { } capture)
        {
            capture.Application = this;
            return;
        }

        ShutdownSignals.HandledByCaller();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var killing = new CancellationTokenSource();
        using var signals = new StopSignals(() =>
        {
            if (stopping.IsCancellationRequested)
            {
                AppHostLog.ForcedStop(_context.Logger);
                killing.Cancel();
            }

            stopping.Cancel();
        });
        try
        {
            var dashboard = await StartDashboardAsync(DashboardOptions.ForAppHost(Options.AnyPorts), stopping.Token);
            await _orchestrator.StartAsync(stopping.Token);
            _console?.WriteBlock(ResourceTable.Render(_orchestrator.Runners.Select(r => (r.Snapshot(), r.Address)))
                + $"  Dashboard: {dashboard.BrowserUrl}{Environment.NewLine}  Press Ctrl-C to stop.{Environment.NewLine}");
            await RunAfterStartAsync(stopping.Token);
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl-C, SIGTERM or SIGHUP.
        }
        catch (ResourceStartException)
        {
            // Already logged with the failing process's output.
            Environment.ExitCode = 1;
        }
        finally
        {
            await StopAsync(killing.Token);
            if (Dashboard is not null)
            {
                await Dashboard.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private async Task RunAfterStartAsync(CancellationToken cancellationToken)
    {
        foreach (var action in _afterStart)
        {
            await action(this, cancellationToken);
        }
    }

    private ResourceRunner Runner(string name) =>
        _orchestrator.Runners.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No resource '{name}'; there are: {string.Join(", ", ResourceNames)}.");
}
