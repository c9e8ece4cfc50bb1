using CrmPlatform.Hosting;

namespace CrmPlatform.Tests.Shared;

/// <summary>
/// Processes a test started, remembered while they run, so that after stopping them the test can tell a port they still
/// listen on from a port an unrelated process (another test run) has taken since it was freed.
/// </summary>
internal sealed class StartedTree
{
    private readonly HashSet<ProcessIdentity> _processes;
    private readonly ulong _firstStart;

    /// <param name="processIds">Running processes, e.g. a server's <c>ProcessIds</c>; their descendants belong to the tree too.</param>
    public StartedTree(IEnumerable<int> processIds)
    {
        _processes = processIds.SelectMany(ProcessTree.WithDescendants).ToHashSet();
        _firstStart = _processes.Min(p => p.StartTime);
    }

    /// <summary>
    /// True when a process listening on <paramref name="port"/> is one of the tree's or runs under one, or runs under nothing
    /// that was already running when the tree started (init aside), as a process that escaped the tree by daemonizing would.
    /// An unrelated program runs under something older, such as the test runner or shell that started it.
    /// </summary>
    public bool ListensOn(int port) =>
        ProcessTree.ListenersOn(port)
            .Select(listener => ProcessTree.WithAncestors(listener.Pid))
            .Any(lineage => lineage.Any(_processes.Contains) || lineage.All(p => p.StartTime >= _firstStart));
}
