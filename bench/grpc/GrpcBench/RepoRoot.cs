namespace CrmPlatform.GrpcBench;

internal static class RepoRoot
{
    /// <summary>The directory holding CrmPlatform.sln, above the running binary.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CrmPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
