using CrmPlatform.Customers.Data;
using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Application;

/// <summary>
/// The pages of one list read inside one REPEATABLE READ, READ ONLY transaction on one connection, the way pg_dump reads
/// a database: PostgreSQL takes the snapshot at the transaction's first query, so every page shows the records as they
/// were then, and a record changed, added or deleted meanwhile is read as it was. The snapshot is held until this is
/// disposed, which ends the transaction and returns the connection.
/// </summary>
public sealed class ListSnapshot<T> : IAsyncDisposable
    where T : ISortable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly RecordList<T> _list;

    private ListSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordList<T> list)
    {
        _connection = connection;
        _transaction = transaction;
        _list = list;
    }

    /// <summary>The page after the one <paramref name="pageToken"/> was issued for (null: the first page), as of the snapshot.</summary>
    public Task<Page<T>> PageAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        _list.PageAsync(pageSize, pageToken, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <param name="listAsync">Resolves the list on the snapshot's connection, so its own lookups see the snapshot too.</param>
    internal static async Task<ListSnapshot<T>> BeginAsync(
        NpgsqlDataSource dataSource, Func<NpgsqlConnection, CancellationToken, Task<RecordList<T>>> listAsync,
        CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginSnapshotAsync(cancellationToken);
            return new ListSnapshot<T>(connection, transaction, await listAsync(connection, cancellationToken));
        }
        catch
        {
            // Closing the connection rolls back the transaction begun on it.
            await connection.DisposeAsync();
            throw;
        }
    }
}
