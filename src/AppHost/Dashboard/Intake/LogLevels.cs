namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>OTLP severity numbers (1–24) as the level names .NET developers know.</summary>
public static class LogLevels
{
    public static readonly IReadOnlyList<string> All = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static string Name(int severity, string? text) => severity switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => string.IsNullOrEmpty(text) ? "Information" : text,
    };

    /// <summary>The lowest severity number of a level name, for "this level and above" filters.</summary>
    public static int MinimumSeverity(string level) => level.ToLowerInvariant() switch
    {
        "trace" => 1,
        "debug" => 5,
        "information" or "info" => 9,
        "warning" or "warn" => 13,
        "error" => 17,
        "critical" or "fatal" => 21,
        _ => 0,
    };
}
