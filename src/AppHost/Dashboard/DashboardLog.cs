using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>The logger the dashboard's endpoints write to (the AppHost's console), apart from ASP.NET Core's own logging.</summary>
internal sealed record DashboardLogger(ILogger Logger);

internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard port {Preferred} is taken; using {Port}")]
    public static partial void PortTaken(ILogger logger, int preferred, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OTLP request to {Path} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} {Resource} from the dashboard")]
    public static partial void ResourceAction(ILogger logger, string action, string resource);
}
