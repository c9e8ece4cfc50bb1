using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Identity;

/// <summary>The gateway's identity log messages.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created the first admin {Email} in tenant {Tenant} with the password from Gateway:AdminPassword")]
    public static partial void FirstAdminFromConfiguration(ILogger logger, string email, string tenant);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Created the first admin {Email} in tenant {Tenant}. One-time password: {Password} (shown only this once: sign in and change it)")]
    public static partial void FirstAdminWithRandomPassword(ILogger logger, string email, string tenant, string password);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Created the first admin {Email} in tenant {Tenant} with the documented development password {Password} (Development environment only; set Gateway__AdminPassword elsewhere)")]
    public static partial void FirstAdminWithDevelopmentPassword(ILogger logger, string email, string tenant, string password);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Refresh token reuse for user {UserId}: the whole session was revoked")]
    public static partial void RefreshTokenReused(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "User {UserId} is locked out until {LockedUntil} after repeated wrong passwords")]
    public static partial void UserLockedOut(ILogger logger, Guid userId, DateTimeOffset lockedUntil);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Could not record the last use of {Count} API keys")]
    public static partial void ApiKeyUsageNotRecorded(ILogger logger, int count, Exception error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Deleted {Count} refresh tokens of sessions that ended before {EndedBefore}")]
    public static partial void EndedSessionsPurged(ILogger logger, int count, DateTimeOffset endedBefore);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Could not delete the refresh tokens of ended sessions")]
    public static partial void EndedSessionsNotPurged(ILogger logger, Exception error);
}
