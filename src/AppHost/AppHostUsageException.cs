namespace CrmPlatform.AppHost;

/// <summary>The command line was wrong (or asked for help); the message says what, followed by the usage text.</summary>
public sealed class AppHostUsageException(string? problem)
    : Exception(problem is null ? AppHostOptions.Usage : $"{problem}{Environment.NewLine}{AppHostOptions.Usage}")
{
    public bool IsHelp { get; } = problem is null;
}
