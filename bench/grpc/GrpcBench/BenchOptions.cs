using System.Globalization;

namespace CrmPlatform.GrpcBench;

/// <summary>Per-run h2load timing: <c>--warm-up S</c> (default 2) and <c>--duration S</c> (default 5) seconds.</summary>
internal sealed record BenchOptions(int WarmUpSeconds, int DurationSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var warmUp = 2;
        var duration = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--warm-up":
                    warmUp = value;
                    break;
                case "--duration":
                    duration = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'; use --warm-up S and --duration S.");
            }
        }

        return new BenchOptions(warmUp, duration);
    }
}
