using System.Globalization;

namespace CrmPlatform.Bench;

/// <summary>
/// The CPU time that the .NET runtime's tiered-compilation threads (".NET Tiered Com") of some processes use, read from
/// <c>/proc</c>. While it grows, those processes are still replacing their first, quickly compiled code with optimised
/// code: they have not reached the steady state a benchmark should measure. The runtime ends that thread when it has
/// been idle a while and starts a new one later, so time is counted per thread, from a <see cref="Snapshot"/> on.
/// </summary>
public static class TieredCompilation
{
    private const string ThreadName = ".NET Tiered Com";
    private const double TicksPerSecond = 100;

    /// <summary>The compiler threads' CPU ticks so far, by process and thread id.</summary>
    public static IReadOnlyDictionary<(int Process, int Thread), long> Snapshot(IEnumerable<int> processIds) =>
        processIds.SelectMany(CompilerThreadTicks).ToDictionary(entry => entry.Key, entry => entry.Value);

    /// <summary>
    /// The compiler threads' CPU time since <paramref name="before"/>: of threads still there, and of threads started
    /// since (a thread that started and ended in between is not seen).
    /// </summary>
    public static TimeSpan CpuTimeSince(IReadOnlyDictionary<(int Process, int Thread), long> before, IEnumerable<int> processIds) =>
        TimeSpan.FromSeconds(processIds.SelectMany(CompilerThreadTicks)
            .Sum(entry => entry.Value - before.GetValueOrDefault(entry.Key)) / TicksPerSecond);

    private static IEnumerable<KeyValuePair<(int Process, int Thread), long>> CompilerThreadTicks(int processId)
    {
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            long? ticks = null;
            try
            {
                if (File.ReadAllText(Path.Combine(thread, "comm")).TrimEnd('\n') == ThreadName)
                {
                    ticks = UserAndSystemTicks(File.ReadAllText(Path.Combine(thread, "stat")));
                }
            }
            catch (IOException)
            {
            }

            if (ticks is { } value)
            {
                var threadId = int.Parse(Path.GetFileName(thread), CultureInfo.InvariantCulture);
                yield return new((processId, threadId), value);
            }
        }
    }

    /// <summary>Fields 14 and 15 of a stat line (utime, stime), counted after the parenthesised thread name.</summary>
    private static long UserAndSystemTicks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
