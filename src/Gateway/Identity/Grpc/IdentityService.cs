using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Identity.Grpc;

/// <summary>
/// <c>crm.identity.v1.Identity</c>, served by the gateway itself. Authentication happened in
/// <see cref="GatewayAuthenticationMiddleware"/>; user and API-key management needs the admin role.
/// </summary>
internal sealed class IdentityService(SessionService sessions, UserAdministration users, ApiKeyAdministration apiKeys)
    : Proto.Identity.IdentityBase
{
    private static readonly string[] UpdatableUserFields = ["display_name", "roles", "teams", "disabled"];

    public override async Task<Proto.Session> SignIn(Proto.SignInRequest request, ServerCallContext context) =>
        (await sessions.SignInAsync(request.Email, request.Password, context.CancellationToken)).ToProto();

    public override async Task<Proto.Session> RefreshSession(Proto.RefreshSessionRequest request, ServerCallContext context) =>
        (await sessions.RefreshAsync(request.RefreshToken, context.CancellationToken)).ToProto();

    public override async Task<Empty> SignOut(Proto.SignOutRequest request, ServerCallContext context)
    {
        await sessions.SignOutAsync(request.RefreshToken, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.User> GetCurrentUser(Proto.GetCurrentUserRequest request, ServerCallContext context) =>
        (await users.GetCurrentAsync(Caller(context), context.CancellationToken)).ToProto();

    public override async Task<Empty> ChangePassword(Proto.ChangePasswordRequest request, ServerCallContext context)
    {
        var caller = Caller(context);
        var newPassword = IdentityFields.NewPassword(request.NewPassword, "new_password");
        await users.ChangePasswordAsync(caller, request.CurrentPassword, newPassword, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.User> CreateUser(Proto.CreateUserRequest request, ServerCallContext context)
    {
        var admin = Admin(context);
        var user = request.User ?? throw IdentityErrors.InvalidArgument("user", "is required.");
        var email = IdentityFields.Email(user.Email, "user.email");
        var input = new NewUser(
            email,
            string.IsNullOrWhiteSpace(user.DisplayName) ? email : IdentityFields.DisplayName(user.DisplayName, "user.display_name"),
            IdentityFields.Roles(user.Roles, "user.roles"),
            IdentityFields.Teams(user.Teams, "user.teams"),
            user.Disabled,
            IdentityFields.NewPassword(request.Password, "password"));
        return (await users.CreateAsync(admin, input, context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.ListUsersResponse> ListUsers(Proto.ListUsersRequest request, ServerCallContext context)
    {
        var admin = Admin(context);
        var pageSize = IdentityFields.PageSize(request.PageSize);
        var page = await users.ListAsync(admin, IdentityFields.PageStart(request.PageToken), pageSize + 1, context.CancellationToken);
        var response = new Proto.ListUsersResponse { Users = { page.Take(pageSize).Select(user => user.ToProto()) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = IdentityFields.PageToken(page[pageSize - 1].Id);
        }

        return response;
    }

    public override async Task<Proto.User> UpdateUser(Proto.UpdateUserRequest request, ServerCallContext context)
    {
        var admin = Admin(context);
        var user = request.User ?? throw IdentityErrors.InvalidArgument("user", "is required.");
        var id = IdentityFields.Name(user.Name, IdentityFields.UserPrefix, "user.name");
        var paths = UpdatePaths(request.UpdateMask, user);
        var changes = new UserChanges(
            paths.Contains("display_name") ? IdentityFields.DisplayName(user.DisplayName, "user.display_name") : null,
            paths.Contains("roles") ? IdentityFields.Roles(user.Roles, "user.roles") : null,
            paths.Contains("teams") ? IdentityFields.Teams(user.Teams, "user.teams") : null,
            paths.Contains("disabled") ? user.Disabled : null);
        return (await users.UpdateAsync(admin, id, changes, context.CancellationToken)).ToProto();
    }

    public override async Task<Proto.CreatedApiKey> CreateApiKey(Proto.CreateApiKeyRequest request, ServerCallContext context)
    {
        var admin = Admin(context);
        var key = request.ApiKey ?? throw IdentityErrors.InvalidArgument("api_key", "is required.");
        var roles = IdentityFields.Roles(key.Roles, "api_key.roles");
        var input = new NewApiKey(
            IdentityFields.DisplayName(key.DisplayName, "api_key.display_name"),
            roles.Count > 0 ? roles : throw IdentityErrors.InvalidArgument("api_key.roles", "name at least one role."),
            IdentityFields.Teams(key.Teams, "api_key.teams"),
            IdentityFields.OptionalTime(key.ExpireTime));
        var (created, secret) = await apiKeys.CreateAsync(admin, input, context.CancellationToken);
        return new Proto.CreatedApiKey { ApiKey = created.ToProto(), Key = secret };
    }

    public override async Task<Proto.ListApiKeysResponse> ListApiKeys(Proto.ListApiKeysRequest request, ServerCallContext context)
    {
        var keys = await apiKeys.ListAsync(Admin(context), context.CancellationToken);
        return new Proto.ListApiKeysResponse { ApiKeys = { keys.Select(key => key.ToProto()) } };
    }

    public override async Task<Proto.ApiKey> RevokeApiKey(Proto.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var admin = Admin(context);
        var id = IdentityFields.Name(request.Name, IdentityFields.ApiKeyPrefix, "name");
        return (await apiKeys.RevokeAsync(admin, id, context.CancellationToken)).ToProto();
    }

    /// <summary>The caller the gateway authenticated, made available to <see cref="CallerContext"/> for this call.</summary>
    private static Caller Caller(ServerCallContext context)
    {
        if (context.GetHttpContext().Features.Get<AuthenticatedCaller>() is { } authenticated)
        {
            context.UserState[typeof(Caller)] = authenticated.Caller;
        }

        var caller = context.GetCaller();
        IdentityFields.RequireGatewayUser(caller);
        return caller;
    }

    private static Caller Admin(ServerCallContext context)
    {
        Caller(context);
        return context.RequireRole(Roles.Admin);
    }

    /// <summary>The mask's paths, or (AIP-134) every populated field when the mask is empty.</summary>
    private static IReadOnlyCollection<string> UpdatePaths(FieldMask? mask, Proto.User user)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return new[] { (user.DisplayName.Length > 0, "display_name"), (user.Roles.Count > 0, "roles"), (user.Teams.Count > 0, "teams"), (user.Disabled, "disabled") }
                .Where(field => field.Item1)
                .Select(field => field.Item2)
                .ToList();
        }

        var unknown = mask.Paths.FirstOrDefault(path => !UpdatableUserFields.Contains(path));
        return unknown is null
            ? mask.Paths.ToHashSet()
            : throw IdentityErrors.InvalidArgument("update_mask", $"'{unknown}' cannot be updated; updatable fields are {string.Join(", ", UpdatableUserFields)}.");
    }
}
