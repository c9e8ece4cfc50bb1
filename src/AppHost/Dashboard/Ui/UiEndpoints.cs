using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.AppHost.Dashboard.Ui;

/// <summary>The UI: one static page (vanilla JS over the JSON API), embedded in the AppHost assembly.</summary>
internal static class UiEndpoints
{
    private static readonly Lazy<byte[]?> Page = new(() => Load("Dashboard.Ui.index.html"));

    public static void MapDashboardUi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Serve);
        routes.MapGet("/{page:regex(^(resources|console|logs|traces|metrics)$)}", Serve);
    }

    private static IResult Serve() =>
        Page.Value is { } page ? Results.Bytes(page, "text/html; charset=utf-8") : Results.NotFound();

    private static byte[]? Load(string name)
    {
        using var stream = typeof(UiEndpoints).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
