using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>The grpc-js interop server (<c>node server.js --port 0</c>), started once for a test class.</summary>
public sealed partial class GrpcJsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private Process? _process;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _process = Process.Start(NodeProcess.StartInfo("server.js", "--port", "0"))
            ?? throw new InvalidOperationException("Could not start node server.js.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var line = await _process.StandardOutput.ReadLineAsync(cancellation.Token)
            ?? throw new InvalidOperationException($"node server.js exited with code {(_process.HasExited ? _process.ExitCode : -1)} before listening.");
        var match = ListeningLine().Match(line);
        Port = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Unexpected first line from node server.js: {line}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex ListeningLine();
}
