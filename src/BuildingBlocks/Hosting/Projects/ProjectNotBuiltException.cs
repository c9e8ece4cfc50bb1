namespace CrmPlatform.Hosting;

/// <summary>The project's built assembly is missing; the message says how to build it.</summary>
public sealed class ProjectNotBuiltException(string projectDirectory, string configuration, string assemblyPath)
    : Exception($"'{assemblyPath}' does not exist: build it first with `dotnet build {projectDirectory} -c {configuration}` (./crm.sh run builds the solution).")
{
    public string AssemblyPath { get; } = assemblyPath;
}
