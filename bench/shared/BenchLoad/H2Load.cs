using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmPlatform.Bench;

/// <summary>
/// Runs h2load (Debian nghttp2-client) sending one gRPC request over and over, and reads its summary and per-request
/// log. Every request must succeed at the HTTP level; <see cref="GrpcCheck"/> proves the gRPC status beforehand.
/// </summary>
public static partial class H2Load
{
    public static string CommandLine(LoadShape shape, BenchOptions options, string requestFile, string url, params string[] headers) =>
        $"h2load -c {shape.Connections} -m {shape.StreamsPerConnection} -t 1 --warm-up-time {options.WarmUpSeconds} -D {options.DurationSeconds} " +
        $"-H 'content-type: application/grpc' -H 'te: trailers'{string.Concat(headers.Select(h => $" -H '{h}'"))} -d {requestFile} {url}";

    public static async Task<LoadSample> RunAsync(H2LoadRequest request, LoadShape shape, BenchOptions options)
    {
        var logFile = Path.GetTempFileName();
        try
        {
            var output = await RunProcessAsync(request, shape, options, logFile);
            return new LoadSample(ParseRequestsPerSecond(output), ReadLatencies(logFile), ParseSucceeded(output));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    private static async Task<string> RunProcessAsync(H2LoadRequest request, LoadShape shape, BenchOptions options, string logFile)
    {
        var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            "-c", shape.Connections.ToString(CultureInfo.InvariantCulture),
            "-m", shape.StreamsPerConnection.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "--warm-up-time", options.WarmUpSeconds.ToString(CultureInfo.InvariantCulture),
            "-D", options.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            "--log-file", logFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
            .. request.Headers.SelectMany(header => new[] { "-H", header }),
            "-d", request.BodyFile,
            request.Url.ToString(),
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start h2load (Debian package nghttp2-client).");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"h2load exited with {process.ExitCode}:\n{stdout}\n{await stderr}");
        }

        EnsureAllSucceeded(stdout, request.Url);
        return stdout;
    }

    private static void EnsureAllSucceeded(string output, Uri url)
    {
        var requests = RequestsLine().Match(output);
        if (!requests.Success || requests.Groups["failed"].Value != "0" || requests.Groups["errored"].Value != "0"
            || requests.Groups["succeeded"].Value == "0")
        {
            throw new InvalidOperationException($"h2load reported failed or no requests to {url.AbsolutePath}:\n{output}");
        }
    }

    private static long ParseSucceeded(string output) => long.Parse(RequestsLine().Match(output).Groups["succeeded"].Value, CultureInfo.InvariantCulture);

    private static double ParseRequestsPerSecond(string output)
    {
        var finished = FinishedLine().Match(output);
        return finished.Success
            ? double.Parse(finished.Groups["rps"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No 'finished in' line in h2load output:\n{output}");
    }

    /// <summary>
    /// h2load prints no percentiles, so latencies come from its --log-file: one line per request of the measured
    /// period (start µs, HTTP status, duration µs); the status-200 durations are returned.
    /// </summary>
    private static List<long> ReadLatencies(string logFile)
    {
        var durations = new List<long>();
        foreach (var line in File.ReadLines(logFile))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 3 && columns[1] == "200")
            {
                durations.Add(long.Parse(columns[2], CultureInfo.InvariantCulture));
            }
        }

        return durations.Count > 0 ? durations : throw new InvalidOperationException("h2load logged no successful request.");
    }

    [GeneratedRegex(@"finished in [\d.]+m?s, (?<rps>[\d.]+) req/s")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex RequestsLine();
}
