using Npgsql;

namespace CrmPlatform.Gateway.Identity.Data;

/// <summary>The <c>users</c> table.</summary>
internal sealed class UserStore(NpgsqlDataSource dataSource)
{
    /// <summary>Held while the first admin is created, so two gateway replicas starting together create one.</summary>
    private const long FirstAdminLockKey = 0x43_52_4D_5F_41_44_4D; // "CRM_ADM"

    private const string Columns = "id, email, display_name, password_hash, roles, teams, tenant_id, disabled, locked_until, create_time";

    public async Task<GatewayUser?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command($"SELECT {Columns} FROM users WHERE email = $1", Sql.Value(email));
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<GatewayUser?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command($"SELECT {Columns} FROM users WHERE id = $1", Sql.Value(id));
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command("SELECT EXISTS (SELECT 1 FROM users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <returns>False when the email is taken.</returns>
    public async Task<bool> InsertAsync(GatewayUser user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InsertAsync(connection, user, cancellationToken);
    }

    /// <summary>Inserts <paramref name="admin"/> only if there is no user yet, under an advisory lock.</summary>
    public async Task<bool> InsertFirstAdminAsync(GatewayUser admin, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.Command($"SELECT pg_advisory_xact_lock({FirstAdminLockKey})"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = connection.Command("SELECT EXISTS (SELECT 1 FROM users)"))
        {
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }
        }

        var inserted = await InsertAsync(connection, admin, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>A page of the tenant's users in id order, after <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<GatewayUser>> ListAsync(string tenantId, Guid afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            $"SELECT {Columns} FROM users WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            Sql.Value(tenantId), Sql.Value(afterId), Sql.Value(limit));
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Saves display name, roles, teams and disabled; disabling also revokes the user's refresh tokens.</summary>
    public async Task UpdateAsync(GatewayUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.Command(
            "UPDATE users SET display_name = $2, roles = $3, teams = $4, disabled = $5 WHERE id = $1",
            Sql.Value(user.Id), Sql.Value(user.DisplayName), Sql.Texts(user.Roles), Sql.Texts(user.Teams), Sql.Value(user.Disabled)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (user.Disabled)
        {
            await RefreshTokenStore.RevokeUserAsync(connection, user.Id, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the password hash and revokes every refresh token of the user.</summary>
    public async Task ChangePasswordAsync(Guid id, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.Command("UPDATE users SET password_hash = $2 WHERE id = $1", Sql.Value(id), Sql.Value(passwordHash)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await RefreshTokenStore.RevokeUserAsync(connection, id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A correct password: clears the failure count, and stores a renewed hash if one is given.</summary>
    public async Task RecordSignInAsync(Guid id, string? renewedHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce($2, password_hash) WHERE id = $1",
            Sql.Value(id), Sql.Text(renewedHash));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A wrong password: counts it, and locks the user until <paramref name="lockUntil"/> at the limit.</summary>
    /// <returns>True when this failure locked the user.</returns>
    public async Task<bool> RecordFailedSignInAsync(Guid id, int limit, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            """
            UPDATE users SET
                locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = $1
            RETURNING failed_sign_ins = 0
            """,
            Sql.Value(id), Sql.Value(limit), Sql.Time(lockUntil));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task<bool> InsertAsync(NpgsqlConnection connection, GatewayUser user, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            """
            INSERT INTO users (id, email, display_name, password_hash, roles, teams, tenant_id, disabled, create_time)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (email) DO NOTHING
            """,
            Sql.Value(user.Id), Sql.Value(user.Email), Sql.Value(user.DisplayName), Sql.Value(user.PasswordHash),
            Sql.Texts(user.Roles), Sql.Texts(user.Teams), Sql.Value(user.TenantId), Sql.Value(user.Disabled), Sql.Time(user.CreateTime));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<GatewayUser?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();

    private static async Task<IReadOnlyList<GatewayUser>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var users = new List<GatewayUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new GatewayUser(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetString(6),
                reader.GetBoolean(7),
                reader.NullableTime(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return users;
    }
}
