using System.Collections.Concurrent;
using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Turns an <c>x-api-key</c> into a caller and a short-lived caller token for the services. The key is looked up on
/// every call (one indexed row), so a revocation counts on the next call on every replica; only the minted token is
/// cached, per key, for about half its lifetime.
/// </summary>
internal sealed class ApiKeyAuthenticator(
    ApiKeyStore keys,
    ApiKeyUsage usage,
    CallerTokens callerTokens,
    GatewayIdentityOptions options,
    TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, MintedToken> _tokens = new();

    public async Task<ApiKeyAuthentication> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(presented, out var prefix, out var secret))
        {
            return ApiKeyAuthentication.Failed("The API key is not valid.");
        }

        var key = await keys.FindByPrefixAsync(prefix, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (key is null || !Secrets.HashEquals(key.SecretHash, secret))
        {
            return ApiKeyAuthentication.Failed("The API key is not valid.");
        }

        if (key.RevokedTime is not null || key.OwnerDisabled)
        {
            return ApiKeyAuthentication.Failed("The API key has been revoked.");
        }

        if (key.ExpireTime <= now)
        {
            return ApiKeyAuthentication.Failed("The API key has expired.");
        }

        usage.Record(key.Id, now);
        var caller = key.ToCaller();
        return new ApiKeyAuthentication(caller, key.Id, TokenFor(key, caller, now), null);
    }

    /// <summary>Drops the cached token of a revoked key.</summary>
    public void Forget(Guid keyId) => _tokens.TryRemove(keyId, out _);

    private string TokenFor(ApiKey key, Caller caller, DateTimeOffset now)
    {
        if (_tokens.TryGetValue(key.Id, out var cached) && cached.RenewAfter > now)
        {
            return cached.Token;
        }

        var lifetime = key.ExpireTime is { } expire && expire - now < options.ApiKeyTokenLifetime
            ? expire - now
            : options.ApiKeyTokenLifetime;

        var minted = new MintedToken(callerTokens.Issue(caller, lifetime), now + lifetime / 2);
        _tokens[key.Id] = minted;
        return minted.Token;
    }

    private sealed record MintedToken(string Token, DateTimeOffset RenewAfter);
}

/// <summary>The outcome of checking an API key: the caller and the token minted for it, or why the key was refused.</summary>
internal sealed record ApiKeyAuthentication(Caller? Caller, Guid KeyId, string? Token, string? Error)
{
    public static ApiKeyAuthentication Failed(string error) => new(null, Guid.Empty, null, error);
}
