using System.Collections.Concurrent;
using System.Diagnostics;

namespace CrmPlatform.Hosting;

/// <summary>
/// A program started by a launcher: its console lines are captured, and stopping it never leaves
/// any of its descendants running (they are remembered, frozen and killed if a graceful stop fails).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 200;
    private const string SetsidPath = "/usr/bin/setsid";
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(1);

    private readonly ChildProcessStartInfo _info;
    private readonly Process _process;
    private readonly bool _throughRunuser;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<ProcessIdentity> _seen = [];
    private IDisposable? _exitHook;

    private static volatile bool _newSessions;

    private ChildProcess(ChildProcessStartInfo info)
    {
        _info = info;
        _throughRunuser = info.RunAsUser is not null && Environment.IsPrivilegedProcess;
        var fileName = _throughRunuser ? "runuser" : info.FileName;
        var startInfo = new ProcessStartInfo
        {
            FileName = _newSessions ? SetsidPath : fileName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = info.WorkingDirectory ?? string.Empty,
        };
        if (_newSessions)
        {
            // setsid execs in place (a freshly forked child is no process-group leader), so the id stays the program's.
            startInfo.ArgumentList.Add(fileName);
        }

        if (_throughRunuser)
        {
            foreach (var argument in new[] { "-u", info.RunAsUser!, "--", info.FileName })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in info.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in info.EnvironmentVariables)
        {
            startInfo.Environment[name] = value;
        }

        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, isError: false, _stdoutClosed);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, isError: true, _stderrClosed);
        _process.Exited += (_, _) => _exited.TrySetResult(_process.ExitCode);
    }

    public string Name => _info.Name;

    /// <summary>The id of the started process (runuser's when the program runs as another user).</summary>
    public int Id { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes with the exit code when the process exits.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The last lines the process printed.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _tail);

    /// <summary>The ids of the process and its running descendants.</summary>
    public IReadOnlyList<int> ProcessIds => CurrentTree().Select(p => p.Pid).ToArray();

    public static ChildProcess Start(ChildProcessStartInfo info)
    {
        var child = new ChildProcess(info);
        child._process.Start();
        child.Id = child._process.Id;
        child._process.StandardInput.Close();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        child._exitHook = info.KillWithParent ? ExitHooks.Register(child.Kill) : null;
        return child;
    }

    /// <summary>
    /// Starts every later program in its own session, so signals a terminal sends to its foreground process group
    /// (Ctrl-C) reach only this process, which then stops its children in its own order.
    /// </summary>
    internal static void StartInNewSessions() => _newSessions = true;

    /// <summary>Runs a short-lived program to its end; cancelling kills it.</summary>
    public static async Task<ChildProcessResult> RunAsync(ChildProcessStartInfo info, CancellationToken cancellationToken)
    {
        await using var child = Start(info);
        try
        {
            var exitCode = await child.Exited.WaitAsync(cancellationToken);
            await child.OutputDrainedAsync();
            return new ChildProcessResult(exitCode, child.RecentOutput);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            throw;
        }
    }

    /// <summary>Waits (briefly) until everything the process printed has been read.</summary>
    public async Task OutputDrainedAsync()
    {
        try
        {
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(OutputDrainTimeout);
        }
        catch (TimeoutException)
        {
            // A descendant still holds the pipes open; what was read so far is all there is.
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to the program (not to runuser), waits up to <paramref name="grace"/> for it to exit,
    /// then kills whatever is left of its process tree. Cancelling skips the rest of the grace period.
    /// </summary>
    public async Task StopAsync(UnixSignal signal, TimeSpan grace, CancellationToken cancellationToken)
    {
        var tree = CurrentTree();
        if (!HasExited && tree.Count > 0)
        {
            var program = _throughRunuser && tree.Count > 1 ? tree[1] : tree[0];
            ProcessTree.Signal(program.Pid, signal);
            try
            {
                await Exited.WaitAsync(grace, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                // Graceful stop took too long or was cancelled: kill below.
            }
        }

        Kill();
        try
        {
            await Exited.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Killed but not yet reaped; the kernel has already closed its sockets.
        }
    }

    /// <summary>Kills the process and every descendant it has ever been seen with, at once.</summary>
    public void Kill()
    {
        CurrentTree();
        lock (_seen)
        {
            ProcessTree.KillAll(_seen);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _exitHook?.Dispose();
        if (Id != 0)
        {
            await StopAsync(UnixSignal.Kill, TimeSpan.Zero, CancellationToken.None);
        }

        _process.Dispose();
    }

    private IReadOnlyList<ProcessIdentity> CurrentTree()
    {
        if (HasExited || Id == 0)
        {
            lock (_seen)
            {
                return _seen.Where(ProcessTree.IsRunning).ToArray();
            }
        }

        var tree = ProcessTree.WithDescendants(Id);
        lock (_seen)
        {
            _seen.UnionWith(tree);
            return tree.Concat(_seen.Except(tree).Where(ProcessTree.IsRunning)).ToArray();
        }
    }

    private void OnLine(string? line, bool isError, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLines)
        {
            _tail.TryDequeue(out _);
        }

        if (_info.Logger is { } logger)
        {
            HostingLog.OutputLine(logger, Name, line);
        }

        try
        {
            _info.Output?.Invoke(new ServerOutputLine(Name, line, isError));
        }
        catch (Exception e)
        {
            // A faulty subscriber must not take the server (or this process) down with it.
            if (_info.Logger is { } failureLogger)
            {
                HostingLog.OutputCallbackFailed(failureLogger, Name, e);
            }
        }
    }
}
