using System.Globalization;

namespace CrmPlatform.Bench;

/// <summary>
/// The CPU time that the .NET runtime's tiered-compilation thread (".NET Tiered Com") of some processes has used, read
/// from <c>/proc</c>. While it grows, those processes are still replacing their first, quickly compiled code with
/// optimised code: they have not reached the steady state a benchmark should measure.
/// </summary>
public static class TieredCompilation
{
    private const string ThreadName = ".NET Tiered Com";
    private const double TicksPerSecond = 100;

    public static TimeSpan CpuTime(IEnumerable<int> processIds) =>
        TimeSpan.FromSeconds(processIds.Sum(CompilerTicks) / TicksPerSecond);

    private static long CompilerTicks(int processId)
    {
        var ticks = 0L;
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(thread, "comm")).TrimEnd('\n') == ThreadName)
                {
                    ticks += UserAndSystemTicks(File.ReadAllText(Path.Combine(thread, "stat")));
                }
            }
            catch (IOException)
            {
            }
        }

        return ticks;
    }

    /// <summary>Fields 14 and 15 of a stat line (utime, stime), counted after the parenthesised thread name.</summary>
    private static long UserAndSystemTicks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
