using Npgsql;

namespace CrmPlatform.Gateway.Identity.Data;

/// <summary>The <c>refresh_tokens</c> table: hashed tokens in families, one family per sign-in.</summary>
internal sealed class RefreshTokenStore(NpgsqlDataSource dataSource)
{
    public async Task InsertAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertAsync(connection, token, cancellationToken);
    }

    /// <summary>
    /// Replaces the token whose hash is <paramref name="presentedHash"/> by <paramref name="next"/> (same family and
    /// user), unless it is unknown, revoked or expired. A token that was already replaced is being reused: its whole
    /// family is revoked.
    /// </summary>
    public async Task<RotationResult> RotateAsync(byte[] presentedHash, RefreshToken next, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid id, familyId, userId;
        DateTimeOffset expireTime;
        bool replaced, revoked;
        await using (var command = connection.Command(
            "SELECT id, family_id, user_id, expire_time, replaced_time IS NOT NULL, revoked_time IS NOT NULL FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE",
            Sql.Value(presentedHash)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new RotationResult(RotationOutcome.Unknown, Guid.Empty);
            }

            (id, familyId, userId, expireTime, replaced, revoked) = (
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4), reader.GetBoolean(5));
        }

        if (revoked)
        {
            return new RotationResult(RotationOutcome.Revoked, userId);
        }

        if (replaced)
        {
            await RevokeFamilyAsync(connection, familyId, next.CreateTime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RotationResult(RotationOutcome.Reused, userId);
        }

        if (expireTime <= next.CreateTime)
        {
            return new RotationResult(RotationOutcome.Expired, userId);
        }

        await using (var command = connection.Command("UPDATE refresh_tokens SET replaced_time = $2 WHERE id = $1", Sql.Value(id), Sql.Time(next.CreateTime)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertAsync(connection, next with { FamilyId = familyId, UserId = userId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RotationResult(RotationOutcome.Rotated, userId, familyId);
    }

    /// <summary>Revokes the family of the token whose hash is <paramref name="tokenHash"/> (sign-out); unknown tokens are ignored.</summary>
    public async Task RevokeFamilyOfAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.Command(
            "UPDATE refresh_tokens SET revoked_time = $2 WHERE revoked_time IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
            Sql.Value(tokenHash), Sql.Time(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await RevokeFamilyAsync(connection, familyId, now, cancellationToken);
    }

    /// <summary>Revokes every live refresh token of a user, in the caller's transaction.</summary>
    public static async Task RevokeUserAsync(NpgsqlConnection connection, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "UPDATE refresh_tokens SET revoked_time = $2 WHERE user_id = $1 AND revoked_time IS NULL", Sql.Value(userId), Sql.Time(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes, a thousand sessions at a time, the token families with no live token (every token revoked, replaced
    /// or expired at <paramref name="now"/>) whose newest token is older than <paramref name="endedBefore"/>. Reuse
    /// detection loses nothing: such a family has no live token left to revoke, and an unknown token is refused too.
    /// Returns how many tokens were deleted.
    /// </summary>
    public async Task<int> PurgeEndedFamiliesAsync(DateTimeOffset now, DateTimeOffset endedBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var command = dataSource.Command(
                """
                DELETE FROM refresh_tokens WHERE family_id IN (
                    SELECT family_id FROM refresh_tokens
                    GROUP BY family_id
                    HAVING NOT bool_or(revoked_time IS NULL AND replaced_time IS NULL AND expire_time > $1)
                       AND max(GREATEST(create_time, revoked_time)) < $2
                    LIMIT 1000)
                """,
                Sql.Time(now), Sql.Time(endedBefore));
            var batch = await command.ExecuteNonQueryAsync(cancellationToken);
            deleted += batch;
            if (batch == 0)
            {
                return deleted;
            }
        }
    }

    private static async Task RevokeFamilyAsync(NpgsqlConnection connection, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "UPDATE refresh_tokens SET revoked_time = $2 WHERE family_id = $1 AND revoked_time IS NULL", Sql.Value(familyId), Sql.Time(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, RefreshToken token, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, create_time, expire_time) VALUES ($1, $2, $3, $4, $5, $6)",
            Sql.Value(token.Id), Sql.Value(token.FamilyId), Sql.Value(token.UserId), Sql.Value(token.TokenHash),
            Sql.Time(token.CreateTime), Sql.Time(token.ExpireTime));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A row of <c>refresh_tokens</c> to insert.</summary>
internal sealed record RefreshToken(Guid Id, Guid FamilyId, Guid UserId, byte[] TokenHash, DateTimeOffset CreateTime, DateTimeOffset ExpireTime);

internal enum RotationOutcome
{
    Rotated,
    Unknown,
    Revoked,
    Expired,
    Reused,
}

internal sealed record RotationResult(RotationOutcome Outcome, Guid UserId, Guid FamilyId = default);
