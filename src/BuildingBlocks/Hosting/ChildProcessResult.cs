namespace CrmPlatform.Hosting;

/// <summary>How a short-lived <see cref="ChildProcess"/> ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">The last lines it printed (standard output and error interleaved).</param>
public sealed record ChildProcessResult(int ExitCode, string Output);
