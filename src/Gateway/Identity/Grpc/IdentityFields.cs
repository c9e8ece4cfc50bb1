using System.Buffers.Text;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.Gateway.Identity.Grpc;

/// <summary>Request-field rules of the identity API; INVALID_ARGUMENT names the field by its request path.</summary>
internal static class IdentityFields
{
    public const string UserPrefix = "users/";
    public const string ApiKeyPrefix = "apiKeys/";
    public const int MaxDisplayNameLength = 200;
    public const int MaxTeamLength = 100;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static string Email(string value, string field) =>
        EmailAddress.TryNormalize(value, out var email) ? email : throw IdentityErrors.InvalidArgument(field, "must be an email address.");

    public static string DisplayName(string value, string field)
    {
        var name = value.Trim();
        return name.Length is > 0 and <= MaxDisplayNameLength
            ? name
            : throw IdentityErrors.InvalidArgument(field, $"must have 1 to {MaxDisplayNameLength} characters.");
    }

    public static string NewPassword(string value, string field) => value.Length switch
    {
        < Passwords.MinimumLength => throw IdentityErrors.InvalidArgument(field, $"must have at least {Passwords.MinimumLength} characters."),
        > Passwords.MaximumLength => throw IdentityErrors.InvalidArgument(field, $"must have at most {Passwords.MaximumLength} characters."),
        _ => value,
    };

    public static IReadOnlyList<string> Roles(RepeatedField<string> values, string field)
    {
        var unknown = values.FirstOrDefault(role => !ServiceDefaults.Security.Roles.All.Contains(role));
        return unknown is null
            ? values.Distinct(StringComparer.Ordinal).ToList()
            : throw IdentityErrors.InvalidArgument(field, $"'{unknown}' is not a role; roles are {string.Join(", ", ServiceDefaults.Security.Roles.All)}.");
    }

    public static IReadOnlyList<string> Teams(RepeatedField<string> values, string field)
    {
        var teams = values.Select(team => team.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return teams.All(team => team.Length is > 0 and <= MaxTeamLength)
            ? teams
            : throw IdentityErrors.InvalidArgument(field, $"each team must have 1 to {MaxTeamLength} characters.");
    }

    public static Guid Name(string value, string prefix, string field) =>
        value.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(value.AsSpan(prefix.Length), out var id)
            ? id
            : throw IdentityErrors.InvalidArgument(field, $"must look like '{prefix}{{uuid}}'.");

    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw IdentityErrors.InvalidArgument("page_size", "must not be negative."),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };

    /// <summary>The page token is the last id of the previous page, base64url.</summary>
    public static Guid PageStart(string token)
    {
        if (token.Length == 0)
        {
            return Guid.Empty;
        }

        Span<byte> bytes = stackalloc byte[16];
        return Base64Url.IsValid(token) && Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == 16
            ? new Guid(bytes, bigEndian: true)
            : throw IdentityErrors.InvalidArgument("page_token", "is not a token this API returned.");
    }

    public static string PageToken(Guid lastId) => Base64Url.EncodeToString(lastId.ToByteArray(bigEndian: true));

    public static DateTimeOffset? OptionalTime(Timestamp? value) => value?.ToDateTimeOffset();

    /// <summary>UNAUTHENTICATED unless the token's subject is a gateway user id.</summary>
    public static void RequireGatewayUser(Caller caller)
    {
        if (!Guid.TryParse(caller.UserId, out _))
        {
            throw IdentityErrors.Unauthenticated("The token does not name a gateway user.");
        }
    }
}
