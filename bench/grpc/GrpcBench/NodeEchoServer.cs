using System.Diagnostics;
using System.Globalization;

namespace CrmPlatform.GrpcBench;

/// <summary>The @grpc/grpc-js echo server (bench/grpc/node/server.js) in its own node process.</summary>
internal sealed class NodeEchoServer : IAsyncDisposable
{
    private const string ListeningPrefix = "listening on 127.0.0.1:";
    private readonly Process _process;

    private NodeEchoServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<NodeEchoServer> StartAsync(string nodeDirectory)
    {
        if (!Directory.Exists(Path.Combine(nodeDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            await RunToCompletionAsync("npm", nodeDirectory, "ci", "--no-audit", "--no-fund");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = nodeDirectory, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("server.js");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add("0");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"node server.js did not start: {line}");
        }

        return new NodeEchoServer(process, int.Parse(line[ListeningPrefix.Length..], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task RunToCompletionAsync(string command, string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed with exit code {process.ExitCode} in {directory}.");
        }
    }
}
