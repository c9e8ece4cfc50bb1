using CrmPlatform.AppHost.Dashboard.Storage;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>
/// Trace-list filters: a service that took part, text in any span name, a minimum duration, "error" or "ok", and
/// span attributes (<c>attr=key=value</c>, repeatable: some span carries all of them, e.g. <c>attr=rpc.method=GetAccount</c>).
/// </summary>
internal sealed record TraceFilter(
    string? Service,
    string? Name,
    double? MinDurationMs,
    string? Status,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    int Limit)
{
    public static TraceFilter From(IQueryCollection query) => new(
        Filters.Text(query, "service"),
        Filters.Text(query, "name"),
        Filters.Number(query, "minDurationMs"),
        Filters.Text(query, "status")?.ToLowerInvariant(),
        Filters.Attributes(query),
        Filters.Limit(query, 200));

    public bool SelectsSpans => Name is not null || Attributes.Count > 0;

    public bool Matches(SpanRecord span) =>
        (Name is null || span.Name.Contains(Name, StringComparison.OrdinalIgnoreCase)) && Filters.Matches(span.Attributes, Attributes);
}

public sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    bool HasError);

public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<SpanRecord> Spans);

internal static class TraceQueries
{
    public static object List(TelemetryStore store, TraceFilter filter)
    {
        var traces = store.Spans.Snapshot()
            .GroupBy(s => s.TraceId, StringComparer.Ordinal)
            .Select(g => Summarize(g.ToList()))
            .Where(t => filter.Service is null || t.Services.Contains(filter.Service))
            .Where(t => filter.MinDurationMs is not { } min || t.DurationMs >= min)
            .Where(t => filter.Status switch { "error" => t.HasError, "ok" => !t.HasError, _ => true })
            .OrderByDescending(t => t.Start)
            .ToList();
        if (filter.SelectsSpans)
        {
            var matching = store.Spans.Snapshot().Where(filter.Matches).Select(s => s.TraceId).ToHashSet(StringComparer.Ordinal);
            traces = [.. traces.Where(t => matching.Contains(t.TraceId))];
        }

        return new { Total = traces.Count, store.Spans.Dropped, Traces = traces.Take(filter.Limit) };
    }

    public static TraceDetail? Detail(TelemetryStore store, string traceId)
    {
        var spans = store.Spans.Snapshot().Where(s => s.TraceId == traceId.ToLowerInvariant()).OrderBy(s => s.Start).ToList();
        return spans.Count == 0 ? null : new TraceDetail(Summarize(spans), spans);
    }

    private static TraceSummary Summarize(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            root.Service,
            start,
            (end - start).TotalMilliseconds,
            spans.Count,
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal)],
            spans.Any(s => s.IsError));
    }
}
