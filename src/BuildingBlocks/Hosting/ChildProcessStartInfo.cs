using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

/// <summary>What to run as a <see cref="ChildProcess"/>.</summary>
/// <param name="Name">Short name used in output lines and logs, e.g. "postgres".</param>
/// <param name="FileName">Absolute path of the program.</param>
/// <param name="Arguments">Its arguments, passed as they are (no shell).</param>
public sealed record ChildProcessStartInfo(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    /// <summary>When the current process is root, run the program as this OS user through runuser.</summary>
    public string? RunAsUser { get; init; }

    /// <summary>Receives every console line; called on a thread-pool thread.</summary>
    public Action<ServerOutputLine>? Output { get; init; }

    public ILogger? Logger { get; init; }

    /// <summary>
    /// Kill the program (and its descendants) when this process exits or gets Ctrl-C, SIGTERM or SIGHUP, unless it was
    /// disposed first: a service must not outlive the harness that started it and keep its ports and CPU.
    /// </summary>
    public bool KillWithParent { get; init; }
}
