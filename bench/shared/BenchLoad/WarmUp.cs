using System.Globalization;

namespace CrmPlatform.Bench;

/// <summary>
/// Unmeasured load, by turns, until the .NET processes under test use under 250 ms of tiered-compilation CPU in a turn
/// (at most ten turns; it never quite stops): they then run their optimised code, as a C or long-warmed baseline does
/// from the start. One fixed turn was not enough: the compiler still took a third of Customers' CPU in measured rounds.
/// Each turn prints a <c># warm-up</c> line, so the state the measurement starts from is visible.
/// </summary>
public static class WarmUp
{
    private const int MaxTurns = 10;
    private static readonly TimeSpan Settled = TimeSpan.FromMilliseconds(250);

    /// <param name="processIds">The .NET processes whose compilation is watched.</param>
    /// <param name="runTurnAsync">Runs one turn of load and describes it for the log line ("get 6000/s").</param>
    public static async Task UntilCompiledAsync(IReadOnlyList<int> processIds, Func<Task<string>> runTurnAsync)
    {
        for (var turn = 1; turn <= MaxTurns; turn++)
        {
            var before = TieredCompilation.Snapshot(processIds);
            var summary = await runTurnAsync();
            var compiling = TieredCompilation.CpuTimeSince(before, processIds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# warm-up {turn}: {summary}; tiered compilation {compiling.TotalMilliseconds:F0} ms of CPU"));
            if (compiling < Settled)
            {
                return;
            }
        }
    }
}
