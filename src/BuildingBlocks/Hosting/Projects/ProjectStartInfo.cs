using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

/// <summary>Which built project to start with <see cref="DotnetProject.Start"/>, and with what environment.</summary>
/// <param name="Name">Short name used in output lines and logs, e.g. "customers".</param>
/// <param name="ProjectDirectory">Absolute path of the folder holding the .csproj; also the working directory (content root).</param>
/// <param name="Configuration">The build configuration whose output runs: "Debug" or "Release".</param>
public sealed record ProjectStartInfo(string Name, string ProjectDirectory, string Configuration)
{
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives every console line; called on a thread-pool thread.</summary>
    public Action<ServerOutputLine>? Output { get; init; }

    public ILogger? Logger { get; init; }
}
