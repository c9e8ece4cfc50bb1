using System.Text;
using CrmPlatform.AppHost.Orchestration;

namespace CrmPlatform.AppHost.Console;

/// <summary>Renders resources as a plain-text table: resource, type, state, where to reach it.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<(ResourceSnapshot Snapshot, string Address)> rows)
    {
        string[] header = ["RESOURCE", "TYPE", "STATE", "ENDPOINTS"];
        var lines = rows.Select(r => new[] { r.Snapshot.Name, r.Snapshot.Kind, r.Snapshot.State.ToString(), r.Address }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => lines.Max(l => l[i].Length) + 2).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append("  ");
            for (var i = 0; i < widths.Length; i++)
            {
                text.Append(line[i].PadRight(widths[i]));
            }

            text.AppendLine(line[^1]);
        }

        return text.ToString();
    }
}
