using System.Diagnostics;
using System.Text;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Runs the grpc-js interop scripts with node.</summary>
internal static class NodeProcess
{
    public static ProcessStartInfo StartInfo(string script, params string[] arguments)
    {
        InteropPaths.EnsureNodeModulesInstalled();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropPaths.NodeScripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs a script to completion; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, string script, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(script, arguments))
            ?? throw new InvalidOperationException($"Could not start node {script}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"node {script} did not exit within {timeout}.\n{Read(output)}");
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
