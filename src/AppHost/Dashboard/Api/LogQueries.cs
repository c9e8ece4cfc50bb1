using CrmPlatform.AppHost.Dashboard.Intake;
using CrmPlatform.AppHost.Dashboard.Storage;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>Structured-log filters; <see cref="Level"/> means that level and above.</summary>
internal sealed record LogFilter(string? Resource, string? Level, string? Text, string? TraceId, IReadOnlyList<KeyValuePair<string, string>> Attributes, int Limit)
{
    public static LogFilter From(IQueryCollection query) => new(
        Filters.Text(query, "resource"),
        Filters.Text(query, "level"),
        Filters.Text(query, "text"),
        Filters.Text(query, "traceId")?.ToLowerInvariant(),
        Filters.Attributes(query),
        Filters.Limit(query, 500));
}

internal static class LogQueries
{
    /// <summary>Matching entries, newest first, and how many matched in all.</summary>
    public static object Find(TelemetryStore store, LogFilter filter)
    {
        var minimum = filter.Level is null ? 0 : LogLevels.MinimumSeverity(filter.Level);
        var matches = store.Logs.Snapshot()
            .Where(l => filter.Resource is null || l.Service == filter.Resource)
            .Where(l => l.Severity >= minimum)
            .Where(l => filter.TraceId is null || l.TraceId == filter.TraceId)
            .Where(l => filter.Text is null || l.Message.Contains(filter.Text, StringComparison.OrdinalIgnoreCase))
            .Where(l => Filters.Matches(l.Attributes, filter.Attributes))
            .Reverse()
            .ToList();
        return new { Total = matches.Count, store.Logs.Dropped, Entries = matches.Take(filter.Limit) };
    }
}
