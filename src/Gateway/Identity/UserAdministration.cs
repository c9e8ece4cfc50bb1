using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>Users of the admin's tenant: create, list, change; and a user's own profile and password.</summary>
internal sealed class UserAdministration(UserStore users, Passwords passwords, TimeProvider timeProvider)
{
    public async Task<GatewayUser> CreateAsync(Caller admin, NewUser input, CancellationToken cancellationToken)
    {
        var user = new GatewayUser(
            Guid.CreateVersion7(), input.Email, input.DisplayName, passwords.Hash(input.Password), input.Roles, input.Teams,
            admin.TenantId, input.Disabled, null, timeProvider.GetUtcNow());
        if (!await users.InsertAsync(user, cancellationToken))
        {
            throw IdentityErrors.AlreadyExists($"A user with the email {input.Email} already exists.");
        }

        return user;
    }

    public Task<IReadOnlyList<GatewayUser>> ListAsync(Caller admin, Guid afterId, int limit, CancellationToken cancellationToken) =>
        users.ListAsync(admin.TenantId, afterId, limit, cancellationToken);

    public async Task<GatewayUser> UpdateAsync(Caller admin, Guid id, UserChanges changes, CancellationToken cancellationToken)
    {
        var user = await FindInTenantAsync(admin, id, cancellationToken);
        var updated = user with
        {
            DisplayName = changes.DisplayName ?? user.DisplayName,
            Roles = changes.Roles ?? user.Roles,
            Teams = changes.Teams ?? user.Teams,
            Disabled = changes.Disabled ?? user.Disabled,
        };
        if (admin.UserId == id.ToString() && (updated.Disabled || !updated.Roles.Contains(Roles.Admin)))
        {
            throw IdentityErrors.FailedPrecondition("An admin cannot disable themselves or take away their own admin role.");
        }

        await users.UpdateAsync(updated, timeProvider.GetUtcNow(), cancellationToken);
        return updated;
    }

    public async Task<GatewayUser> GetCurrentAsync(Caller caller, CancellationToken cancellationToken) =>
        (Guid.TryParse(caller.UserId, out var id) ? await users.FindAsync(id, cancellationToken) : null)
        ?? throw IdentityErrors.Unauthenticated("The signed-in user no longer exists.");

    /// <summary>Changes the caller's password after checking the current one; every session of the user ends.</summary>
    public async Task ChangePasswordAsync(Caller caller, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await GetCurrentAsync(caller, cancellationToken);
        if (!passwords.Verify(user, currentPassword).Matches)
        {
            throw IdentityErrors.InvalidArgument("current_password", "is not the current password.");
        }

        await users.ChangePasswordAsync(user.Id, passwords.Hash(newPassword), timeProvider.GetUtcNow(), cancellationToken);
    }

    private async Task<GatewayUser> FindInTenantAsync(Caller admin, Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(id, cancellationToken);
        return user is not null && user.TenantId == admin.TenantId ? user : throw IdentityErrors.NotFound($"users/{id}");
    }
}

/// <summary>A validated CreateUser request.</summary>
internal sealed record NewUser(string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, bool Disabled, string Password);

/// <summary>The fields an UpdateUser request changes; null: unchanged.</summary>
internal sealed record UserChanges(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Teams, bool? Disabled);
