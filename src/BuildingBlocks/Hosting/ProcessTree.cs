using System.Globalization;
using System.Runtime.InteropServices;

namespace CrmPlatform.Hosting;

/// <summary>Reads the Linux process table under /proc and signals processes.</summary>
internal static class ProcessTree
{
    /// <summary>The process and everything it started that is still its descendant, root first.</summary>
    public static IReadOnlyList<ProcessIdentity> WithDescendants(int rootPid)
    {
        var entries = ReadAll();
        var result = entries.Where(e => e.Identity.Pid == rootPid && e.IsRunning).Select(e => e.Identity).ToList();
        var byParent = entries.Where(e => e.IsRunning).ToLookup(e => e.ParentPid);
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(byParent[result[i].Pid].Select(e => e.Identity));
        }

        return result;
    }

    /// <summary>The process and the ancestors it runs under, itself first, up to but without init (pid 1).</summary>
    public static IReadOnlyList<ProcessIdentity> WithAncestors(int pid)
    {
        var result = new List<ProcessIdentity>();
        for (var entry = Read(pid); entry is { IsRunning: true } && entry.Identity.Pid > 1; entry = Read(entry.ParentPid))
        {
            result.Add(entry.Identity);
        }

        return result;
    }

    /// <summary>True while the very process (same id and start time) exists and is not a zombie.</summary>
    public static bool IsRunning(ProcessIdentity process) =>
        Read(process.Pid) is { IsRunning: true } entry && entry.Identity.StartTime == process.StartTime;

    public static void Signal(int pid, UnixSignal signal) => _ = kill(pid, (int)signal);

    /// <summary>Freezes the given processes and all their descendants, then kills them all, so none can fork away.</summary>
    public static void KillAll(IEnumerable<ProcessIdentity> processes)
    {
        var doomed = new HashSet<ProcessIdentity>();
        var frontier = processes.Where(IsRunning).ToList();
        while (frontier.Count > 0)
        {
            frontier.ForEach(p => Signal(p.Pid, UnixSignal.Stop));
            doomed.UnionWith(frontier);
            var parents = doomed.Select(p => p.Pid).ToHashSet();
            frontier = ReadAll()
                .Where(e => e.IsRunning && parents.Contains(e.ParentPid) && !doomed.Contains(e.Identity))
                .Select(e => e.Identity)
                .ToList();
        }

        foreach (var process in doomed)
        {
            Signal(process.Pid, UnixSignal.Kill);
        }
    }

    /// <summary>True when the process holds a socket listening on 127.0.0.1:<paramref name="port"/> (or any address).</summary>
    public static bool ListensOn(int pid, int port)
    {
        var inodes = ListeningSocketInodes(pid, port);
        if (inodes.Count == 0)
        {
            return false;
        }

        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Any(target => target is not null && inodes.Contains(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The running processes that hold a socket listening on <paramref name="port"/>, whoever started them.</summary>
    public static IReadOnlyList<ProcessIdentity> ListenersOn(int port) =>
        ReadAll().Where(e => e.IsRunning && ListensOn(e.Identity.Pid, port)).Select(e => e.Identity).ToList();

    private static HashSet<string> ListeningSocketInodes(int pid, int port)
    {
        const string Listen = "0A";
        var inodes = new HashSet<string>();
        foreach (var table in new[] { $"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1];
                var localPort = int.Parse(local[(local.IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (localPort == port && fields[3] == Listen)
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        return inodes;
    }

    private static List<ProcessEntry> ReadAll() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Read(pid) : null)
            .OfType<ProcessEntry>()
            .ToList();

    private static ProcessEntry? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the command name, which is in parentheses and may itself contain spaces: "state ppid ... starttime(22nd field)".
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessEntry(
            new ProcessIdentity(pid, ulong.Parse(fields[19], CultureInfo.InvariantCulture)),
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            fields[0][0]);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
