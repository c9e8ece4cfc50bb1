using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.AppHost.Dashboard.Api;

/// <summary>Query-string helpers: <c>attr=key=value</c> pairs (repeatable), numbers, limits.</summary>
internal static class Filters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Attributes(IQueryCollection query) =>
        [.. query["attr"]
            .Where(v => v?.Contains('=', StringComparison.Ordinal) == true)
            .Select(v => v!.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))];

    public static bool Matches(IReadOnlyDictionary<string, string> attributes, IReadOnlyList<KeyValuePair<string, string>> filters) =>
        filters.All(f => attributes.TryGetValue(f.Key, out var value) && value == f.Value);

    public static double? Number(IQueryCollection query, string name) =>
        double.TryParse(query[name], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int Limit(IQueryCollection query, int fallback) =>
        int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? Math.Min(limit, 5_000) : fallback;

    public static string? Text(IQueryCollection query, string name) =>
        string.IsNullOrWhiteSpace(query[name]) ? null : query[name].ToString().Trim();
}
