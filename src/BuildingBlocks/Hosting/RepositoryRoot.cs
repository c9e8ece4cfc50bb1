namespace CrmPlatform.Hosting;

/// <summary>The checkout this code runs from: the nearest directory above a start point that holds CrmPlatform.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "CrmPlatform.sln";

    /// <summary>Looks above the current directory, then above <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Find() =>
        TryFind() ?? throw new DirectoryNotFoundException(
            $"{SolutionFile} was not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");

    public static string? TryFind() =>
        TryFindAbove(Directory.GetCurrentDirectory()) ?? TryFindAbove(AppContext.BaseDirectory);

    public static string? TryFindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
