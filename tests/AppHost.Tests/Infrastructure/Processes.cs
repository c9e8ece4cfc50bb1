using System.Diagnostics;

namespace CrmPlatform.AppHost.Tests.Infrastructure;

/// <summary>What the kernel says about a process's start-up environment, and how to kill it (liveness and ports: <c>ProcessState</c>).</summary>
internal static class Processes
{
    /// <summary>The environment a process was started with.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);

    public static void Kill(int pid) => Process.GetProcessById(pid).Kill();
}
