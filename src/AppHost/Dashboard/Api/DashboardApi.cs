using CrmPlatform.AppHost.Dashboard.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>The JSON API the UI (and tests) read: resources, console logs, structured logs, traces, metrics.</summary>
internal static class DashboardApi
{
    public static void MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/summary", (TelemetryStore store) => new
        {
            Services = store.Services(),
            Spans = new { Kept = store.Spans.Count, store.Spans.Dropped, store.Spans.Capacity },
            Logs = new { Kept = store.Logs.Count, store.Logs.Dropped, store.Logs.Capacity },
            Metrics = new { Kept = store.Metrics.Count, store.Metrics.Dropped, store.Metrics.Capacity },
        });
        api.MapGet("/resources", (IDashboardResources resources) => resources.List());
        api.MapPost("/resources/{name}/{action}", ExecuteAsync);
        api.MapGet("/resources/{name}/console", (string name, long? after, IDashboardResources resources) =>
            resources.ConsoleOf(name) is { } log ? Results.Ok(ConsoleLines.After(log, after ?? -1)) : Results.NotFound());
        api.MapGet("/logs", (HttpRequest request, TelemetryStore store) => LogQueries.Find(store, LogFilter.From(request.Query)));
        api.MapGet("/traces", (HttpRequest request, TelemetryStore store) => TraceQueries.List(store, TraceFilter.From(request.Query)));
        api.MapGet("/traces/{traceId}", (string traceId, TelemetryStore store) =>
            TraceQueries.Detail(store, traceId) is { } trace ? Results.Ok(trace) : Results.NotFound());
        api.MapGet("/metrics", (string? resource, TelemetryStore store) => MetricQueries.Instruments(store, resource));
        api.MapGet("/metrics/{resource}/{instrument}", (string resource, string instrument, HttpRequest request, TelemetryStore store) =>
            MetricQueries.Chart(store, resource, instrument, Filters.Attributes(request.Query)) is { } chart ? Results.Ok(chart) : Results.NotFound());
    }

    private static async Task<IResult> ExecuteAsync(string name, string action, IDashboardResources resources, DashboardLogger log, CancellationToken cancellationToken)
    {
        if (!await resources.ExecuteAsync(name, action, cancellationToken))
        {
            return Results.NotFound();
        }

        DashboardLog.ResourceAction(log.Logger, action, name);
        return Results.NoContent();
    }
}
