using System.Text.RegularExpressions;
using CrmPlatform.AppHost.Orchestration;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>Console lines after a sequence number, with ANSI escape sequences stripped.</summary>
internal static partial class ConsoleLines
{
    private const int MaxLines = 2_000;

    public static object After(ResourceLog log, long after)
    {
        var (lines, total) = log.SnapshotWithTotal();
        var first = total - lines.Count;
        var from = (int)Math.Clamp(after + 1 - first, Math.Max(0, lines.Count - MaxLines), lines.Count);
        var result = new List<object>(lines.Count - from);
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            result.Add(new { Sequence = first + i, line.Timestamp, line.Source, Text = StripAnsi(line.Text), line.IsError });
        }

        return new { Total = total, Lines = result };
    }

    public static string StripAnsi(string text) => Ansi().Replace(text, string.Empty);

    [GeneratedRegex(@"\x1B(\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")]
    private static partial Regex Ansi();
}
