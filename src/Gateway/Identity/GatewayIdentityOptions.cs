using Microsoft.Extensions.Configuration;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// The <c>Gateway</c> configuration section as far as identity goes: the first admin, token lifetimes, sign-in
/// lockout and rate limits (<c>Gateway:RateLimits</c>).
/// </summary>
public sealed class GatewayIdentityOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The tenant of the first admin (and of every user that admin creates).</summary>
    public string Tenant { get; set; } = "default";

    public string AdminEmail { get; set; } = "admin@crm.local";

    /// <summary>The first admin's password; unset: a random one printed once (a fixed one in Development).</summary>
    public string? AdminPassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long the caller token minted for an API key lives (it is reused for about half of that).</summary>
    public TimeSpan ApiKeyTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the last use of API keys is written to the database.</summary>
    public TimeSpan ApiKeyUsageFlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the refresh tokens of an ended session (signed out, revoked, or expired without a live successor) are
    /// kept, for looking into a sign-out or a reuse, before <see cref="SessionPurgeInterval"/> deletes them.
    /// </summary>
    public TimeSpan EndedSessionRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the refresh tokens of sessions ended longer than <see cref="EndedSessionRetention"/> ago are deleted.</summary>
    public TimeSpan SessionPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive wrong passwords that lock a user out for <see cref="LockoutDuration"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    public GatewayRateLimitOptions RateLimits { get; set; } = new();

    public static GatewayIdentityOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<GatewayIdentityOptions>() ?? new GatewayIdentityOptions();
        options.Validate();
        return options;
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Tenant))
        {
            throw new InvalidOperationException($"{SectionName}:Tenant must not be empty.");
        }

        if (!EmailAddress.TryNormalize(AdminEmail, out _))
        {
            throw new InvalidOperationException($"{SectionName}:AdminEmail '{AdminEmail}' is not an email address.");
        }

        if (!string.IsNullOrEmpty(AdminPassword) && !Passwords.IsLongEnough(AdminPassword))
        {
            throw new InvalidOperationException($"{SectionName}:AdminPassword must have at least {Passwords.MinimumLength} characters.");
        }

        foreach (var lifetime in new[] { AccessTokenLifetime, RefreshTokenLifetime, ApiKeyTokenLifetime, ApiKeyUsageFlushInterval, LockoutDuration, EndedSessionRetention, SessionPurgeInterval })
        {
            if (lifetime <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{SectionName}: token lifetimes and intervals must be positive.");
            }
        }

        RateLimits.Validate();
    }
}
