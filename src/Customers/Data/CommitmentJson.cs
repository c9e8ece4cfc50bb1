using System.Text.Json;
using CrmPlatform.Customers.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Data;

/// <summary>The assessed commitment in the nullable <c>commitment</c> jsonb column, with its segment in its own column.</summary>
internal static class CommitmentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static NpgsqlParameter Parameter(Commitment? commitment) => new()
    {
        Value = commitment is null ? DBNull.Value : JsonSerializer.Serialize(commitment, Options),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    };

    public static NpgsqlParameter Segment(Commitment? commitment) => new()
    {
        Value = commitment is null ? DBNull.Value : (short)commitment.Segment,
        NpgsqlDbType = NpgsqlDbType.Smallint,
    };

    public static Commitment? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<Commitment>(json, Options);
}
