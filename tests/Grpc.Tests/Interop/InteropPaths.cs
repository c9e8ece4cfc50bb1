using CrmPlatform.Hosting;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Where the grpc-js interop scripts live, found from the repository root.</summary>
internal static class InteropPaths
{
    public static string RepoRoot { get; } = RepositoryRoot.Find();

    public static string NodeScripts { get; } = Path.Combine(RepoRoot, "tests", "Grpc.Tests", "interop-node");

    /// <summary>Fails with the command to run when the grpc-js packages are not installed.</summary>
    public static void EnsureNodeModulesInstalled()
    {
        if (!Directory.Exists(Path.Combine(NodeScripts, "node_modules", "@grpc", "grpc-js")))
        {
            throw new InvalidOperationException($"@grpc/grpc-js is not installed: run `npm ci` in {NodeScripts} (crm.sh does this before tests).");
        }
    }
}
