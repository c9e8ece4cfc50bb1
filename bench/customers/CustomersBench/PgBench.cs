using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CrmPlatform.Hosting;

namespace CrmPlatform.CustomersBench;

/// <summary>pgbench (Debian postgresql-client) against the same server, with the same client count as h2load.</summary>
internal static partial class PgBench
{
    private static readonly string Binary = Path.Combine(new PostgresServerOptions().BinDirectory, "pgbench");

    /// <summary>
    /// The scale at which pgbench_accounts (100,000 rows per unit) holds at least <paramref name="rows"/>, the accounts
    /// table's size: both tables then fit in shared buffers alike, and <c>pgbench -S</c> reads no more from outside them
    /// than GetAccount does (scale 10, 1,000,000 rows, outgrows the default 128 MB and costs pgbench about 8%).
    /// </summary>
    public static int ScaleFor(int rows) => Math.Max(1, (rows + 99_999) / 100_000);

    /// <summary>Creates pgbench's own tables (<c>pgbench -i</c>) in <paramref name="database"/>.</summary>
    public static Task InitialiseAsync(PostgresServer postgres, string database, int scale) =>
        RunAsync(postgres, database, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>
    /// Runs <paramref name="workload"/> with prepared statements (<c>-M prepared</c>), as the services' statements are
    /// (Npgsql's automatic preparation): PostgreSQL then parses and plans each statement once on both sides. pgbench's
    /// default simple protocol parses and plans every call, which made it 1.5 to 1.7 times slower and flattered us.
    /// </summary>
    /// <returns>Transactions per second over <paramref name="seconds"/> (initial connection time excluded).</returns>
    public static async Task<double> MeasureAsync(PostgresServer postgres, string database, int clients, int seconds, params string[] workload)
    {
        var output = await RunAsync(postgres, database,
        [
            "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", seconds.ToString(CultureInfo.InvariantCulture), .. workload,
        ]);
        var tps = TpsLine().Match(output);
        return tps.Success
            ? double.Parse(tps.Groups["tps"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No tps line in pgbench output:\n{output}");
    }

    private static async Task<string> RunAsync(PostgresServer postgres, string database, string[] arguments)
    {
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", postgres.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", .. arguments, database])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start pgbench.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"pgbench exited with {process.ExitCode}:\n{stdout}\n{await stderr}");
    }

    [GeneratedRegex(@"tps = (?<tps>[\d.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
