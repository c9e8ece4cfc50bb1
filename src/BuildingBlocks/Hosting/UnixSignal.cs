namespace CrmPlatform.Hosting;

/// <summary>The Linux signals a launcher sends to stop a server.</summary>
public enum UnixSignal
{
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
    Stop = 19,
}
