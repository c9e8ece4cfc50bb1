using System.Diagnostics;
using CrmPlatform.AppHost.Model;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>Starts, watches and stops one resource; reports its state.</summary>
internal abstract class ResourceRunner(Resource resource, OrchestrationContext context)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _state = (int)ResourceState.Waiting;

    public Resource Resource { get; } = resource;

    public string Name => Resource.Name;

    public ResourceLog Log { get; } = new();

    public ResourceState State
    {
        get => (ResourceState)_state;
        protected set => _state = (int)value;
    }

    /// <summary>Completes when the resource first reports healthy; faults when it fails to start.</summary>
    public Task Ready => _ready.Task;

    public virtual string? ConnectionString => null;

    public virtual IReadOnlyDictionary<string, Uri> Urls { get; } = new Dictionary<string, Uri>();

    public abstract IReadOnlyList<int> ProcessIds { get; }

    public virtual int Restarts => 0;

    /// <summary>When it last became healthy.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    protected OrchestrationContext Context { get; } = context;

    /// <summary>Where to reach it, for the console (an address, not secrets).</summary>
    public abstract string Address { get; }

    public ResourceSnapshot Snapshot() => new(Name, Resource.Kind, State, Urls, ConnectionString, ProcessIds, Restarts);

    /// <summary>Waits for <paramref name="needs"/> to be healthy, then starts the resource and waits until it is healthy.</summary>
    public async Task StartAsync(IReadOnlyList<ResourceRunner> needs, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForNeedsAsync(needs, cancellationToken);
            State = ResourceState.Starting;
            AppHostLog.Starting(Context.Logger, Name);
            var stopwatch = Stopwatch.StartNew();
            await StartCoreAsync(cancellationToken);
            State = ResourceState.Running;
            StartedAt = DateTimeOffset.UtcNow;
            AppHostLog.Running(Context.Logger, Name, stopwatch.Elapsed.TotalSeconds, Address);
            _ready.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(cancellationToken);
            throw;
        }
        catch (ResourceStartException e) when (e.DependencyFailed)
        {
            State = ResourceState.FailedToStart;
            _ready.TrySetException(e);
            throw;
        }
        catch (Exception e)
        {
            State = ResourceState.FailedToStart;
            AppHostLog.FailedToStart(Context.Logger, Name, e);
            var failure = new ResourceStartException(Name, $"{Name} failed to start: {e.Message}", e);
            _ready.TrySetException(failure);
            throw failure;
        }
    }

    /// <summary>Stops whatever is running (also a start still in progress); cancelling kills at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var wasStarted = State is not (ResourceState.Waiting or ResourceState.FailedToStart);
        State = ResourceState.Stopping;
        await StopCoreAsync(cancellationToken);
        State = ResourceState.Stopped;
        if (wasStarted)
        {
            AppHostLog.Stopped(Context.Logger, Name);
        }
    }

    protected abstract Task StartCoreAsync(CancellationToken cancellationToken);

    protected abstract Task StopCoreAsync(CancellationToken cancellationToken);

    private async Task WaitForNeedsAsync(IReadOnlyList<ResourceRunner> needs, CancellationToken cancellationToken)
    {
        if (needs.Count == 0)
        {
            return;
        }

        AppHostLog.Waiting(Context.Logger, Name, string.Join(", ", needs.Select(n => n.Name)));
        try
        {
            await Task.WhenAll(needs.Select(n => n.Ready)).WaitAsync(cancellationToken);
        }
        catch (ResourceStartException)
        {
            var failed = needs.First(n => n.Ready.IsFaulted);
            AppHostLog.DependencyFailed(Context.Logger, Name, failed.Name);
            throw new ResourceStartException(Name, $"{Name} was not started because {failed.Name} failed.", dependencyFailed: true);
        }
    }
}
