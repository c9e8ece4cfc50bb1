using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Gateway.Identity.Data;

/// <summary>The <c>api_keys</c> table.</summary>
internal sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "k.id, k.prefix, k.secret_hash, k.display_name, k.roles, k.teams, k.owner_user_id, k.tenant_id, k.create_time, k.expire_time, k.revoked_time, k.last_used_time, u.disabled";

    private const string From = "FROM api_keys k JOIN users u ON u.id = k.owner_user_id";

    /// <returns>False when the prefix is taken (the caller draws another).</returns>
    public async Task<bool> InsertAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            """
            INSERT INTO api_keys (id, prefix, secret_hash, display_name, roles, teams, owner_user_id, tenant_id, create_time, expire_time)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (prefix) DO NOTHING
            """,
            Sql.Value(key.Id), Sql.Value(key.Prefix), Sql.Value(key.SecretHash), Sql.Value(key.DisplayName), Sql.Texts(key.Roles),
            Sql.Texts(key.Teams), Sql.Value(key.OwnerUserId), Sql.Value(key.TenantId), Sql.Time(key.CreateTime), Sql.Time(key.ExpireTime));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command($"SELECT {Columns} {From} WHERE k.prefix = $1", Sql.Value(prefix));
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command($"SELECT {Columns} {From} WHERE k.tenant_id = $1 ORDER BY k.id", Sql.Value(tenantId));
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Revokes the tenant's key (a revoked key keeps its first revocation time); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = dataSource.Command(
            "UPDATE api_keys SET revoked_time = coalesce(revoked_time, $3) WHERE id = $1 AND tenant_id = $2",
            Sql.Value(id), Sql.Value(tenantId), Sql.Time(now)))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await using var read = dataSource.Command($"SELECT {Columns} {From} WHERE k.id = $1", Sql.Value(id));
        return (await ReadAllAsync(read, cancellationToken)).Single();
    }

    /// <summary>Records when keys were last used, in one statement; times never move backwards.</summary>
    public async Task RecordUseAsync(IReadOnlyCollection<KeyValuePair<Guid, DateTimeOffset>> uses, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            """
            UPDATE api_keys SET last_used_time = greatest(last_used_time, u.used)
            FROM unnest($1, $2) AS u(id, used)
            WHERE api_keys.id = u.id
            """,
            new NpgsqlParameter { Value = uses.Select(use => use.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
            new NpgsqlParameter { Value = uses.Select(use => use.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ApiKey>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKey(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(2),
                reader.GetString(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetGuid(6),
                reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.NullableTime(9),
                reader.NullableTime(10),
                reader.NullableTime(11),
                reader.GetBoolean(12)));
        }

        return keys;
    }
}
