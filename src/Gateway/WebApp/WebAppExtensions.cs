using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.Gateway.WebApp;

/// <summary>
/// Serves the web front end that Vite builds into <c>web/dist</c> (<c>WebApp:Root</c>, relative to the content root):
/// its files as they are, and <c>index.html</c> for every other GET of a page path, so the SPA's own routes
/// (<c>/customers/…</c>) survive a reload or a bookmark. API calls (gRPC-Web POSTs) never reach the fallback.
/// </summary>
public static class WebAppExtensions
{
    private const string DefaultRoot = "web/dist";

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["WebApp:Root"] ?? DefaultRoot, app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            WebAppLog.NotBuilt(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCacheControl });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCacheControl })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        WebAppLog.Serving(app.Logger, root);
        return app;
    }

    /// <summary>Vite names built assets by their content hash, so they never change; index.html must be checked every time.</summary>
    private static void SetCacheControl(StaticFileResponseContext context) =>
        context.Context.Response.Headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
