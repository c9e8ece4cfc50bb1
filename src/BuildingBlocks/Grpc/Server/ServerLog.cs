using Microsoft.Extensions.Logging;

namespace CrmPlatform.Grpc;

internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Error when executing service method '{Method}'.")]
    public static partial void HandlerError(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "Call to '{Method}' exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Debug, "Could not complete call to '{Method}' after the client went away.")]
    public static partial void CompletionFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(4, LogLevel.Debug, "Rejected request to '{Path}': {Reason}")]
    public static partial void RequestRejected(ILogger logger, string path, string reason);
}
