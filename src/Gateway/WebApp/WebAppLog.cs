namespace CrmPlatform.Gateway.WebApp;

internal static partial class WebAppLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the web app from {Root}")]
    public static partial void Serving(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web app is not built ({Root}/index.html is missing): run 'npm ci && npm run build' in src/Gateway/web, or ./crm.sh run")]
    public static partial void NotBuilt(ILogger logger, string root);
}
