using System.Threading.RateLimiting;

namespace CrmPlatform.Gateway.Identity;

/// <summary>Token buckets of <c>Gateway:RateLimits</c>: one per user, one per API key, and per client IP for sign-in.</summary>
public sealed class GatewayRateLimitOptions
{
    public TokenBucketLimit User { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    public TokenBucketLimit ApiKey { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>SignIn per client IP: password guessing is slow.</summary>
    public TokenBucketLimit SignIn { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };

    /// <summary>RefreshSession and SignOut per client IP.</summary>
    public TokenBucketLimit Session { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 60, ReplenishmentPeriod = TimeSpan.FromMinutes(1) };

    internal void Validate()
    {
        foreach (var (name, limit) in new[] { (nameof(User), User), (nameof(ApiKey), ApiKey), (nameof(SignIn), SignIn), (nameof(Session), Session) })
        {
            if (limit.TokenLimit <= 0 || limit.TokensPerPeriod <= 0 || limit.ReplenishmentPeriod <= TimeSpan.Zero)
            {
                throw new InvalidOperationException(
                    $"Gateway:RateLimits:{name} needs a positive TokenLimit, TokensPerPeriod and ReplenishmentPeriod.");
            }
        }
    }
}

/// <summary>A token bucket: <see cref="TokenLimit"/> requests at once, refilled by <see cref="TokensPerPeriod"/> each period.</summary>
public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }

    internal TokenBucketRateLimiterOptions ToLimiterOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
