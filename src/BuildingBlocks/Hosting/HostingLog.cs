using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Starting {Server} from {Directory}")]
    public static partial void Starting(ILogger logger, string server, string directory);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Server} is ready on 127.0.0.1:{Port} after {ElapsedMs} ms")]
    public static partial void Ready(ILogger logger, string server, int port, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Server} could not bind its ports (attempt {Attempt}); retrying with new ports")]
    public static partial void PortConflict(ILogger logger, string server, int attempt);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stopping {Server}")]
    public static partial void Stopping(ILogger logger, string server);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Server} stopped")]
    public static partial void Stopped(ILogger logger, string server);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "[{Source}] {Line}")]
    public static partial void OutputLine(ILogger logger, string source, string line);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The output callback for {Source} threw")]
    public static partial void OutputCallbackFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Initialising a new PostgreSQL cluster in {Directory}")]
    public static partial void InitialisingCluster(ILogger logger, string directory);
}
