using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrmPlatform.ServiceDefaults.Security;

/// <summary>
/// Issues and validates the caller's JWT: issued by the gateway, validated by each service itself. A token that
/// validated is remembered until it expires (at most a minute), so a caller's stream of calls pays for the signature
/// check and claim parsing once.
/// </summary>
public sealed class CallerTokens(TokenSettings settings, TimeProvider timeProvider)
{
    private const int MaxRememberedTokens = 10_000;
    private static readonly TimeSpan MaxRememberTime = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, ValidatedCaller> _validated = new(StringComparer.Ordinal);

    public string Issue(Caller caller, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(CallerClaims.Subject, caller.UserId),
            new(CallerClaims.Tenant, caller.TenantId),
        };
        claims.AddRange(caller.Roles.Select(role => new Claim(CallerClaims.Role, role)));
        claims.AddRange(caller.Teams.Select(team => new Claim(CallerClaims.Team, team)));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <returns>The caller, or null with the reason when the token is missing its claims, expired or not ours.</returns>
    public async Task<(Caller? Caller, string? Error)> ValidateAsync(string token)
    {
        var now = timeProvider.GetUtcNow();
        if (_validated.TryGetValue(token, out var remembered) && now < remembered.ValidUntil)
        {
            return (remembered.Caller, null);
        }

        var result = await _handler.ValidateTokenAsync(token, settings.ValidationParameters);
        if (!result.IsValid)
        {
            return (null, result.Exception is SecurityTokenExpiredException ? "The token has expired." : "The token is not valid.");
        }

        var identity = result.ClaimsIdentity;
        var userId = identity.FindFirst(CallerClaims.Subject)?.Value;
        var tenant = identity.FindFirst(CallerClaims.Tenant)?.Value;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(tenant))
        {
            return (null, "The token names no user or tenant.");
        }

        var caller = new Caller(
            userId,
            tenant,
            identity.FindAll(CallerClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            identity.FindAll(CallerClaims.Team).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
        Remember(token, caller, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero), now);
        return (caller, null);
    }

    private void Remember(string token, Caller caller, DateTimeOffset expires, DateTimeOffset now)
    {
        if (_validated.Count >= MaxRememberedTokens)
        {
            _validated.Clear();
        }

        _validated[token] = new ValidatedCaller(caller, expires < now + MaxRememberTime ? expires : now + MaxRememberTime);
    }

    private sealed record ValidatedCaller(Caller Caller, DateTimeOffset ValidUntil);
}
