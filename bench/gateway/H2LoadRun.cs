using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmPlatform.Gateway.Bench;

/// <summary>One h2load run's figures: requests per second over the measured period, and latency percentiles in ms.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds);

/// <summary>Loads one unary gRPC method with h2load (Debian nghttp2-client) and reads its summary and per-request log.</summary>
internal static partial class H2LoadRun
{
    public const int Connections = 4;
    public const int StreamsPerConnection = 8;

    public static string Describe(TimeSpan warmUp, TimeSpan duration) =>
        $"h2load -c {Connections} -m {StreamsPerConnection} -t 1 --warm-up-time {warmUp.TotalSeconds} -D {duration.TotalSeconds} " +
        "-H 'content-type: application/grpc' -H 'te: trailers' -H 'authorization: Bearer <caller token>' -d <framed request> <url>";

    public static async Task<LoadResult> RunAsync(Uri url, string requestFile, string token, TimeSpan warmUp, TimeSpan duration)
    {
        var logFile = Path.GetTempFileName();
        try
        {
            var output = await RunProcessAsync(url, requestFile, token, warmUp, duration, logFile);
            var latencies = ReadLatencies(logFile);
            return new LoadResult(ParseRequestsPerSecond(output), Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    private static async Task<string> RunProcessAsync(Uri url, string requestFile, string token, TimeSpan warmUp, TimeSpan duration, string logFile)
    {
        var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "-c", Connections.ToString(CultureInfo.InvariantCulture),
            "-m", StreamsPerConnection.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "--warm-up-time", warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "-D", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--log-file", logFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
            "-H", "authorization: Bearer " + token,
            "-d", requestFile,
            url.ToString(),
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start h2load (Debian package nghttp2-client).");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var requests = RequestsLine().Match(stdout);
        if (process.ExitCode != 0 || !requests.Success || requests.Groups["failed"].Value != "0" || requests.Groups["errored"].Value != "0")
        {
            throw new InvalidOperationException($"h2load failed (exit {process.ExitCode}):\n{stdout}\n{await stderr}");
        }

        return stdout;
    }

    private static double ParseRequestsPerSecond(string output)
    {
        var finished = FinishedLine().Match(output);
        return finished.Success
            ? double.Parse(finished.Groups["rps"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No 'finished in' line in h2load output:\n{output}");
    }

    /// <summary>h2load prints no percentiles; its --log-file has one line per request (start µs, status, duration µs).</summary>
    private static long[] ReadLatencies(string logFile)
    {
        var durations = File.ReadLines(logFile)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 3 && columns[1] == "200")
            .Select(columns => long.Parse(columns[2], CultureInfo.InvariantCulture))
            .Order()
            .ToArray();
        return durations.Length > 0 ? durations : throw new InvalidOperationException("h2load logged no successful request.");
    }

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    private static double Percentile(long[] sortedMicroseconds, double fraction) =>
        sortedMicroseconds[Math.Max(0, (int)Math.Ceiling(fraction * sortedMicroseconds.Length) - 1)] / 1000.0;

    [GeneratedRegex(@"finished in [\d.]+m?s, (?<rps>[\d.]+) req/s")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex RequestsLine();
}
