namespace CrmPlatform.Hosting;

/// <summary>A process as the kernel knows it: its id plus its start time, so a reused id is never mistaken for it.</summary>
internal readonly record struct ProcessIdentity(int Pid, ulong StartTime);
