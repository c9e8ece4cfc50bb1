using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Orchestration;

internal static partial class AppHostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Resource}: waiting for {Dependencies}")]
    public static partial void Waiting(ILogger logger, string resource, string dependencies);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Resource}: starting")]
    public static partial void Starting(ILogger logger, string resource);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Resource}: running after {Seconds:0.0} s {Address}")]
    public static partial void Running(ILogger logger, string resource, double seconds, string address);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Resource}: failed to start")]
    public static partial void FailedToStart(ILogger logger, string resource, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Resource}: not started because {Dependency} failed")]
    public static partial void DependencyFailed(ILogger logger, string resource, string dependency);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Resource}: exited with code {ExitCode}; restarting in {DelaySeconds:0.#} s (restart {Restart})")]
    public static partial void Crashed(ILogger logger, string resource, int exitCode, double delaySeconds, int restart);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Resource}: restarted and healthy after {Seconds:0.0} s")]
    public static partial void Restarted(ILogger logger, string resource, double seconds);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Resource}: restart failed")]
    public static partial void RestartFailed(ILogger logger, string resource, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{Resource}: port {Port} for endpoint {Endpoint} is taken; using {FreePort}")]
    public static partial void PreferredPortTaken(ILogger logger, string resource, int port, string endpoint, int freePort);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "All {Count} resources are healthy after {Seconds:0.0} s")]
    public static partial void AllRunning(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Stopping: services first, then infrastructure")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "{Resource}: stopped")]
    public static partial void Stopped(ILogger logger, string resource);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Everything stopped after {Seconds:0.0} s")]
    public static partial void AllStopped(ILogger logger, double seconds);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Wiping {Directory} (--fresh)")]
    public static partial void Wiping(ILogger logger, string directory);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "[{Resource}] {Line}")]
    public static partial void Output(ILogger logger, string resource, string line);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "{Resource}: a port was taken at start; moving to new ports")]
    public static partial void PortsMoved(ILogger logger, string resource);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Stop requested again: killing what is left")]
    public static partial void ForcedStop(ILogger logger);
}
