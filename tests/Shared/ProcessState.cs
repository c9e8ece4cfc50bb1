namespace CrmPlatform.Tests.Shared;

/// <summary>What the kernel says about a process id.</summary>
internal static class ProcessState
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
