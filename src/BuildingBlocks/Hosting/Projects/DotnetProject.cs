using System.Diagnostics;
using System.Net;

namespace CrmPlatform.Hosting;

/// <summary>
/// Starts a built .NET project of this repository as <c>dotnet &lt;its dll&gt;</c> (never <c>dotnet run</c>) and waits
/// until it answers its readiness endpoint.
/// </summary>
public static class DotnetProject
{
    public const string TargetFramework = "net10.0";
    private const string AssemblyPrefix = "CrmPlatform.";
    private static readonly HttpClient HealthClient = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>The built assembly of the project in <paramref name="projectDirectory"/>, e.g. src/Customers/bin/Debug/net10.0/CrmPlatform.Customers.dll.</summary>
    public static string OutputAssembly(string projectDirectory, string configuration)
    {
        var project = Directory.EnumerateFiles(projectDirectory, "*.csproj").SingleOrDefault()
            ?? throw new FileNotFoundException($"No single .csproj in '{projectDirectory}'.");
        var assemblyName = AssemblyPrefix + Path.GetFileNameWithoutExtension(project);
        return Path.Combine(projectDirectory, "bin", configuration, TargetFramework, assemblyName + ".dll");
    }

    /// <summary>Starts the project's built assembly; throws <see cref="ProjectNotBuiltException"/> when it is missing.</summary>
    public static ChildProcess Start(ProjectStartInfo info)
    {
        var assembly = OutputAssembly(info.ProjectDirectory, info.Configuration);
        if (!File.Exists(assembly))
        {
            throw new ProjectNotBuiltException(info.ProjectDirectory, info.Configuration, assembly);
        }

        return ChildProcess.Start(new ChildProcessStartInfo(info.Name, DotnetHost(), [assembly])
        {
            EnvironmentVariables = info.EnvironmentVariables,
            WorkingDirectory = info.ProjectDirectory,
            Output = info.Output,
            Logger = info.Logger,
            KillWithParent = true,
        });
    }

    /// <summary>
    /// Polls <paramref name="healthUri"/> until it answers 200. Throws <see cref="ServerStartException"/> (with the
    /// process's last output) when the process exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(ChildProcess process, Uri healthUri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await IsHealthyAsync(healthUri, cancellationToken))
        {
            if (process.HasExited)
            {
                var exitCode = await process.Exited;
                await process.OutputDrainedAsync();
                var output = process.RecentOutput;
                throw new ServerStartException(
                    $"{process.Name} exited with code {exitCode} before {healthUri} answered.",
                    output,
                    ServerStartException.MentionsAddressInUse(output));
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new ServerStartException($"{process.Name} did not answer {healthUri} within {timeout}.", process.RecentOutput);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>True when <paramref name="healthUri"/> answers 200 right now.</summary>
    public static async Task<bool> IsHealthyAsync(Uri healthUri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HealthClient.GetAsync(healthUri, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The dotnet host that runs this process (or the SDK's), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileName(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
