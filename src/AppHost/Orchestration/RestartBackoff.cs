namespace CrmPlatform.AppHost.Orchestration;

/// <summary>Exponential back-off between restarts of a crashing service: 1 s, 2 s, 4 s … at most 30 s.</summary>
internal static class RestartBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>A service that stayed up this long counts its next crash as the first again.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    /// <summary>The delay before restart number <paramref name="consecutiveCrashes"/> (1-based) in a row.</summary>
    public static TimeSpan Delay(int consecutiveCrashes) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Min(consecutiveCrashes - 1, 16)));
}
