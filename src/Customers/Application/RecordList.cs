using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// One list (a caller's access scope, filters and order, resolved once) read in keyset pages through an open connection.
/// The list RPCs read one page of it, an export (<see cref="ListSnapshot{T}"/>) every page.
/// </summary>
/// <param name="rowsAsync">Reads up to the given number of rows after the cursor (null: from the start) in the list's order.</param>
internal sealed class RecordList<T>(
    RecordOrder order, string fingerprint, Func<RecordCursor?, int, CancellationToken, Task<List<T>>> rowsAsync)
    where T : ISortable
{
    /// <summary>The page after the one <paramref name="pageToken"/> was issued for (null: the first page).</summary>
    public async Task<Page<T>> PageAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.PageSize(pageSize);
        var rows = await rowsAsync(order.After(pageToken, fingerprint), size + 1, cancellationToken);
        return rows.Count > size
            ? new Page<T>(rows[..size], order.Token(rows[size - 1], fingerprint))
            : new Page<T>(rows, null);
    }
}
