using System.Globalization;

namespace CrmPlatform.Bench;

/// <summary>
/// h2load timing: each run warms up for <c>--warm-up S</c> (default 1) then measures <c>--duration S</c>
/// (default 3) seconds; each scenario runs <c>--rounds N</c> (default 2) rounds, the servers taking turns.
/// A benchmark may accept more <c>--name N</c> options, read with <see cref="Get"/>.
/// </summary>
public sealed record BenchOptions(IReadOnlyDictionary<string, int> Values)
{
    public int WarmUpSeconds => Get("warm-up", 1);

    public int DurationSeconds => Get("duration", 3);

    public int Rounds => Get("rounds", 2);

    public static BenchOptions Parse(string[] args, params string[] otherNames)
    {
        string[] names = ["warm-up", "duration", "rounds", .. otherNames];
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : string.Empty;
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown option '{args[i]}'; use {string.Join(", ", names.Select(n => $"--{n} N"))}.");
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"Option '{args[i]}' needs a whole number.");
            }

            values[name] = value;
        }

        return new BenchOptions(values);
    }

    public int Get(string name, int fallback) => Values.TryGetValue(name, out var value) ? value : fallback;
}
