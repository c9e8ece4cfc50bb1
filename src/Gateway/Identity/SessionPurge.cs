using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Background;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Every <see cref="GatewayIdentityOptions.SessionPurgeInterval"/>, deletes the refresh tokens of sessions that ended
/// more than <see cref="GatewayIdentityOptions.EndedSessionRetention"/> ago, so <c>refresh_tokens</c> holds the live
/// sessions and the recently ended ones instead of growing with every sign-in and rotation.
/// </summary>
internal sealed class SessionPurge(
    RefreshTokenStore tokens,
    GatewayIdentityOptions options,
    TimeProvider timeProvider,
    ILogger<SessionPurge> logger) : PeriodicBackgroundService(options.SessionPurgeInterval, timeProvider)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var endedBefore = now - options.EndedSessionRetention;
        try
        {
            var deleted = await tokens.PurgeEndedFamiliesAsync(now, endedBefore, cancellationToken);
            if (deleted > 0)
            {
                IdentityLog.EndedSessionsPurged(logger, deleted, endedBefore);
            }
        }
        catch (NpgsqlException error)
        {
            IdentityLog.EndedSessionsNotPurged(logger, error);
        }
    }
}
