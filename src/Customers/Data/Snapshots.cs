using System.Data;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>Reads that must see one moment: a 360° view, a personal-data export, a list export, the duplicate scan.</summary>
internal static class Snapshots
{
    /// <summary>
    /// Begins a REPEATABLE READ, READ ONLY transaction: PostgreSQL takes its snapshot at the first query, every later
    /// query sees the records as they were then, and nothing can be written through it by mistake.
    /// </summary>
    public static async Task<NpgsqlTransaction> BeginSnapshotAsync(this NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
