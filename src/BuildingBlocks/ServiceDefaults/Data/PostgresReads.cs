using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

/// <summary>
/// The service's database for reads that need no transaction and no session state, such as finding one record by id.
/// Each command runs on its own (autocommit) on a connection of a pool with Npgsql's multiplexing, pipelined there with
/// other callers' commands, so that a read under load costs the service and PostgreSQL fewer wake-ups (measured with
/// GetAccount in bench/customers). Only short reads belong here: a command queued behind a long one on its connection
/// waits for it, so lists, searches and exports use the <see cref="NpgsqlDataSource"/>, as does anything that needs a
/// transaction or a session lock, which a command from here cannot take. Npgsql does not cancel a pipelined command in
/// PostgreSQL (that would cancel whichever command the connection is running), so a cancelled read still runs to its end.
/// Npgsql 11 removes multiplexing: on that upgrade this becomes an ordinary pool and the reads lose the gain, nothing else.
/// </summary>
public sealed class PostgresReads(NpgsqlDataSource multiplexed) : IAsyncDisposable
{
    public NpgsqlCommand CreateCommand(string sql) => multiplexed.CreateCommand(sql);

    public NpgsqlBatch CreateBatch() => multiplexed.CreateBatch();

    public ValueTask DisposeAsync() => multiplexed.DisposeAsync();
}
