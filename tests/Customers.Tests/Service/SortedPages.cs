using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>Pages through a sorted list, and says in which order its records should come.</summary>
internal static class SortedPages
{
    /// <summary>Every record of a list from the page <paramref name="nextPageAsync"/> lists first to the last one.</summary>
    /// <param name="nextPageAsync">Lists the next page; returns its records and its next page token ("" after the last).</param>
    public static async Task<List<T>> ListAllAsync<T>(
        int pageSize, Func<Task<(IReadOnlyList<T> Records, string NextPageToken)>> nextPageAsync)
    {
        var listed = new List<T>();
        string next;
        do
        {
            (var records, next) = await nextPageAsync();
            Assert.True(records.Count <= pageSize);
            listed.AddRange(records);
        }
        while (next.Length > 0);

        return listed;
    }

    /// <summary>
    /// The names of <paramref name="records"/> in <paramref name="orderBy"/>: by the value <paramref name="sortValue"/> reads
    /// for its field ("" in id order), then by name, both reversed by " desc".
    /// </summary>
    public static IEnumerable<string> Expected<T>(
        IEnumerable<T> records, string orderBy, Func<T, string> name, Func<T, string, string> sortValue)
    {
        var field = orderBy.Split(' ')[0];
        var ordered = orderBy.EndsWith(" desc", StringComparison.Ordinal)
            ? records.OrderByDescending(r => sortValue(r, field), StringComparer.Ordinal).ThenByDescending(name, StringComparer.Ordinal)
            : records.OrderBy(r => sortValue(r, field), StringComparer.Ordinal).ThenBy(name, StringComparer.Ordinal);
        return ordered.Select(name);
    }

    /// <summary>A time as text that sorts ordinally in time order.</summary>
    public static string Sortable(Timestamp time) => time.ToDateTimeOffset().UtcTicks.ToString("D20", CultureInfo.InvariantCulture);
}
