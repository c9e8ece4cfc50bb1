using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Data;

/// <summary>Keyset pages of a list in a <see cref="RecordOrder"/>: the rows after a cursor, sorted by a column, then id.</summary>
internal static class Keyset
{
    /// <summary>
    /// Adds to <paramref name="filter"/> the condition for the rows after <paramref name="after"/> and returns the ORDER BY
    /// list. <paramref name="sortColumns"/> holds the expression each sort key of the table sorts by before
    /// <paramref name="idColumn"/> (a name's is lower-cased); id order needs none.
    /// </summary>
    public static string OrderBy(
        Filter filter, RecordOrder order, RecordCursor? after, IReadOnlyDictionary<RecordSortKey, string> sortColumns, string idColumn)
    {
        var sortColumn = sortColumns.GetValueOrDefault(order.Key);
        var (direction, comparison) = order.Descending ? ("DESC", "<") : ("ASC", ">");
        switch (after)
        {
            case null:
                break;
            case { } when order.SortsByName:
                filter.Add($"({sortColumn}, {idColumn}) {comparison} (lower(@p), @p)", Sql.Text(after.Name), Sql.Value(after.Id));
                break;
            case { } when order.SortsByTime:
                filter.Add($"({sortColumn}, {idColumn}) {comparison} (@p, @p)", Sql.Time(after.Time), Sql.Value(after.Id));
                break;
            default:
                filter.Add($"{idColumn} {comparison} @p", Sql.Value(after.Id));
                break;
        }

        return sortColumn is null ? $"{idColumn} {direction}" : $"{sortColumn} {direction}, {idColumn} {direction}";
    }
}
