namespace CrmPlatform.Hosting;

/// <summary>One row of the process table: who the process is, its parent, and its state letter from /proc/PID/stat.</summary>
internal sealed record ProcessEntry(ProcessIdentity Identity, int ParentPid, char State)
{
    /// <summary>False for zombies (exited, not yet reaped) and dead processes.</summary>
    public bool IsRunning => State is not ('Z' or 'X');
}
