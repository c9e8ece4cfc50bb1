using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Identity;

/// <summary>Sign-in, refresh and sign-out: short-lived caller tokens plus rotating refresh tokens.</summary>
internal sealed class SessionService(
    UserStore users,
    RefreshTokenStore refreshTokens,
    Passwords passwords,
    CallerTokens callerTokens,
    GatewayIdentityOptions options,
    TimeProvider timeProvider,
    ILogger<SessionService> logger)
{
    public async Task<Session> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = EmailAddress.TryNormalize(email, out var normalized) ? await users.FindByEmailAsync(normalized, cancellationToken) : null;
        var (matches, rehashNeeded) = passwords.Verify(user, password);
        var now = timeProvider.GetUtcNow();
        if (user is null || user.Disabled || user.LockedUntil > now)
        {
            throw IdentityErrors.Unauthenticated(IdentityErrors.SignInFailed);
        }

        if (!matches)
        {
            var lockedUntil = now + options.LockoutDuration;
            if (await users.RecordFailedSignInAsync(user.Id, options.MaxFailedSignIns, lockedUntil, cancellationToken))
            {
                IdentityLog.UserLockedOut(logger, user.Id, lockedUntil);
            }

            throw IdentityErrors.Unauthenticated(IdentityErrors.SignInFailed);
        }

        await users.RecordSignInAsync(user.Id, rehashNeeded ? passwords.Hash(password) : null, cancellationToken);
        var refresh = NewRefreshToken(Guid.CreateVersion7(), user.Id, now, out var refreshToken);
        await refreshTokens.InsertAsync(refresh, cancellationToken);
        return Open(user, refresh, refreshToken, now);
    }

    public async Task<Session> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var next = NewRefreshToken(Guid.Empty, Guid.Empty, now, out var nextToken);
        var result = await refreshTokens.RotateAsync(Secrets.Hash(refreshToken), next, cancellationToken);
        if (result.Outcome == RotationOutcome.Reused)
        {
            IdentityLog.RefreshTokenReused(logger, result.UserId);
        }

        if (result.Outcome != RotationOutcome.Rotated)
        {
            throw IdentityErrors.Unauthenticated(IdentityErrors.SessionInvalid);
        }

        var user = await users.FindAsync(result.UserId, cancellationToken);
        if (user is null || user.Disabled)
        {
            await refreshTokens.RevokeFamilyAsync(result.FamilyId, now, cancellationToken);
            throw IdentityErrors.Unauthenticated(IdentityErrors.SessionInvalid);
        }

        return Open(user, next with { FamilyId = result.FamilyId, UserId = user.Id }, nextToken, now);
    }

    /// <summary>Revokes the session the refresh token belongs to; an unknown token changes nothing.</summary>
    public Task SignOutAsync(string refreshToken, CancellationToken cancellationToken) =>
        refreshTokens.RevokeFamilyOfAsync(Secrets.Hash(refreshToken), timeProvider.GetUtcNow(), cancellationToken);

    private Session Open(GatewayUser user, RefreshToken refresh, string refreshToken, DateTimeOffset now) => new(
        callerTokens.Issue(user.ToCaller(), options.AccessTokenLifetime),
        now + options.AccessTokenLifetime,
        refreshToken,
        refresh.ExpireTime,
        user);

    private RefreshToken NewRefreshToken(Guid familyId, Guid userId, DateTimeOffset now, out string token)
    {
        token = Secrets.NewRefreshToken();
        return new RefreshToken(Guid.CreateVersion7(), familyId, userId, Secrets.Hash(token), now, now + options.RefreshTokenLifetime);
    }
}

/// <summary>A signed-in session: the caller token and the refresh token, with their expiry.</summary>
internal sealed record Session(
    string AccessToken,
    DateTimeOffset AccessTokenExpireTime,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpireTime,
    GatewayUser User);
