using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Identity.Grpc;

/// <summary>Users, sessions and API keys as the identity API shows them (never a hash).</summary>
internal static class IdentityMapping
{
    public static Proto.User ToProto(this GatewayUser user) => new()
    {
        Name = IdentityFields.UserPrefix + user.Id,
        Email = user.Email,
        DisplayName = user.DisplayName,
        Roles = { user.Roles },
        Teams = { user.Teams },
        TenantId = user.TenantId,
        Disabled = user.Disabled,
        CreateTime = Timestamp.FromDateTimeOffset(user.CreateTime),
    };

    public static Proto.Session ToProto(this Session session) => new()
    {
        AccessToken = session.AccessToken,
        AccessTokenExpireTime = Timestamp.FromDateTimeOffset(session.AccessTokenExpireTime),
        RefreshToken = session.RefreshToken,
        RefreshTokenExpireTime = Timestamp.FromDateTimeOffset(session.RefreshTokenExpireTime),
        User = session.User.ToProto(),
    };

    public static Proto.ApiKey ToProto(this ApiKey key) => new()
    {
        Name = IdentityFields.ApiKeyPrefix + key.Id,
        DisplayName = key.DisplayName,
        Roles = { key.Roles },
        Teams = { key.Teams },
        Prefix = ApiKeyFormat.DisplayPrefix(key.Prefix),
        OwnerUserId = key.OwnerUserId.ToString(),
        TenantId = key.TenantId,
        CreateTime = Timestamp.FromDateTimeOffset(key.CreateTime),
        ExpireTime = key.ExpireTime is { } expire ? Timestamp.FromDateTimeOffset(expire) : null,
        Revoked = key.RevokedTime is not null,
        LastUsedTime = key.LastUsedTime is { } used ? Timestamp.FromDateTimeOffset(used) : null,
    };
}
