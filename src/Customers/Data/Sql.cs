using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>Small helpers for positional Npgsql parameters.</summary>
internal static class Sql
{
    public static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Value(object value) => new() { Value = value };

    public static NpgsqlParameter SmallInt(short? value) =>
        new() { Value = value.HasValue ? value.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint };

    public static NpgsqlParameter Uuid(Guid? value) =>
        new() { Value = value.HasValue ? value.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value.HasValue ? value.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with its wildcards escaped.</summary>
    public static string Contains(string text) =>
        "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>PostgreSQL keeps microseconds; rounding first makes returned and re-read timestamps equal.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    /// <summary>Runs <paramref name="commands"/> inside <paramref name="transaction"/> in one round trip; nothing when there are none.</summary>
    public static async Task ExecuteAsync(
        NpgsqlTransaction transaction, IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static bool IsUniqueViolation(this PostgresException error) => error.SqlState == PostgresErrorCodes.UniqueViolation;
}
