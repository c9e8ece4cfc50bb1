namespace CrmPlatform.Hosting;

/// <summary>Who reacts to Ctrl-C, SIGTERM and SIGHUP: by default every launcher stops its servers at once.</summary>
public static class ShutdownSignals
{
    /// <summary>
    /// For an orchestrator that stops things in its own order (services before infrastructure): from now on those
    /// signals no longer stop servers by themselves, and programs started afterwards run in their own session, so a
    /// terminal's Ctrl-C reaches only the caller. Servers are still stopped when the process exits.
    /// </summary>
    public static void HandledByCaller()
    {
        ExitHooks.LeaveSignalsToCaller();
        ChildProcess.StartInNewSessions();
    }
}
