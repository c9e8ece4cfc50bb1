using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>API keys of the admin's tenant: created (the secret is returned once and stored hashed), listed, revoked.</summary>
internal sealed class ApiKeyAdministration(ApiKeyStore keys, ApiKeyAuthenticator authenticator, TimeProvider timeProvider)
{
    private const int PrefixAttempts = 5;

    public async Task<(ApiKey Key, string Secret)> CreateAsync(Caller admin, NewApiKey input, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (input.ExpireTime <= now)
        {
            throw IdentityErrors.InvalidArgument("api_key.expire_time", "must be in the future.");
        }

        for (var attempt = 0; attempt < PrefixAttempts; attempt++)
        {
            var prefix = Secrets.RandomText(ApiKeyFormat.PrefixLength);
            var secret = Secrets.RandomText(ApiKeyFormat.SecretLength);
            var key = new ApiKey(
                Guid.CreateVersion7(), prefix, Secrets.Hash(secret), input.DisplayName, input.Roles, input.Teams,
                Guid.Parse(admin.UserId), admin.TenantId, now, input.ExpireTime, null, null);
            if (await keys.InsertAsync(key, cancellationToken))
            {
                return (key, ApiKeyFormat.Format(prefix, secret));
            }
        }

        throw new InvalidOperationException("No free API key prefix was drawn.");
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(Caller admin, CancellationToken cancellationToken) => keys.ListAsync(admin.TenantId, cancellationToken);

    public async Task<ApiKey> RevokeAsync(Caller admin, Guid id, CancellationToken cancellationToken)
    {
        var key = await keys.RevokeAsync(id, admin.TenantId, timeProvider.GetUtcNow(), cancellationToken)
            ?? throw IdentityErrors.NotFound($"apiKeys/{id}");
        authenticator.Forget(key.Id);
        return key;
    }
}

/// <summary>A validated CreateApiKey request.</summary>
internal sealed record NewApiKey(string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, DateTimeOffset? ExpireTime);
