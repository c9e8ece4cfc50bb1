using System.Globalization;

namespace CrmPlatform.GrpcBench;

/// <summary>
/// h2load timing: each run warms up for <c>--warm-up S</c> (default 1) then measures <c>--duration S</c>
/// (default 3) seconds; each scenario runs <c>--rounds N</c> (default 2) rounds, the servers taking turns.
/// </summary>
internal sealed record BenchOptions(int WarmUpSeconds, int DurationSeconds, int Rounds)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(WarmUpSeconds: 1, DurationSeconds: 3, Rounds: 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--warm-up" => options with { WarmUpSeconds = value },
                "--duration" => options with { DurationSeconds = value },
                "--rounds" => options with { Rounds = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'; use --warm-up S, --duration S, --rounds N."),
            };
        }

        return options;
    }
}
