using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed class UserAdministrationTests(GatewayFixture fixture)
{
    private GatewayServer Gateway => fixture.Gateway;

    [Fact]
    public async Task An_admin_creates_users_in_their_tenant_with_hashed_passwords()
    {
        var admin = await Gateway.SignInAsAdminAsync();
        var email = $"New.Person.{Guid.NewGuid():N}@Example.com";

        var user = await Gateway.Client.CreateUserAsync(
            new Proto.CreateUserRequest { User = new Proto.User { Email = email, Roles = { Roles.SalesRep }, Teams = { " north " } }, Password = Users.Password },
            admin.Headers());

        Assert.StartsWith("users/", user.Name, StringComparison.Ordinal);
        Assert.Equal(email.ToLowerInvariant(), user.Email);
        Assert.Equal(email.ToLowerInvariant(), user.DisplayName);
        Assert.Equal(["north"], user.Teams);
        Assert.Equal(admin.User.TenantId, user.TenantId);
        var hash = await Gateway.ScalarAsync<string>("SELECT password_hash FROM users WHERE email = $1", user.Email);
        Assert.DoesNotContain(Users.Password, hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_users_are_refused_naming_the_field()
    {
        var admin = await Gateway.SignInAsAdminAsync();

        async Task<RpcException> CreateAsync(Proto.User user, string password) =>
            await Users.FailsAsync(() => Gateway.Client.CreateUserAsync(new Proto.CreateUserRequest { User = user, Password = password }, admin.Headers()));

        var email = await CreateAsync(new Proto.User { Email = "not an email" }, Users.Password);
        var role = await CreateAsync(new Proto.User { Email = "a@example.com", Roles = { "superuser" } }, Users.Password);
        var password = await CreateAsync(new Proto.User { Email = "b@example.com", Roles = { Roles.Analyst } }, "eleven char");
        var duplicate = await CreateAsync(new Proto.User { Email = GatewayServer.AdminEmail.ToUpperInvariant() }, Users.Password);

        Assert.Equal((StatusCode.InvalidArgument, "user.email:"), (email.StatusCode, email.Status.Detail[..11]));
        Assert.Equal((StatusCode.InvalidArgument, "user.roles:"), (role.StatusCode, role.Status.Detail[..11]));
        Assert.Equal((StatusCode.InvalidArgument, "password:"), (password.StatusCode, password.Status.Detail[..9]));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task Users_are_listed_page_by_page()
    {
        var admin = await Gateway.SignInAsAdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await Gateway.CreateUserAsync([Roles.Analyst]);
        }

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest { PageSize = 2, PageToken = token }, admin.Headers());
            Assert.InRange(page.Users.Count, 1, 2);
            names.AddRange(page.Users.Select(user => user.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var all = await Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest { PageSize = 1000 }, admin.Headers());
        Assert.Equal(all.Users.Select(user => user.Name), names);
        Assert.True(names.Count >= 4);
    }

    [Fact]
    public async Task An_admin_changes_roles_and_the_next_session_carries_them()
    {
        var user = await Gateway.CreateUserAsync([Roles.SalesRep], "north");
        var admin = await Gateway.SignInAsAdminAsync();

        var updated = await Gateway.Client.UpdateUserAsync(
            new Proto.UpdateUserRequest { User = new Proto.User { Name = user.Name, Roles = { Roles.SalesManager }, Teams = { "south" } } },
            admin.Headers());
        var session = await Gateway.SignInAsync(user.Email, Users.Password);

        Assert.Equal([Roles.SalesManager], updated.Roles);
        Assert.Equal([Roles.SalesManager], session.User.Roles);
        Assert.Equal(["south"], session.User.Teams);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        var admin = await Gateway.SignInAsAdminAsync();

        var error = await Users.FailsAsync(() => Gateway.Client.UpdateUserAsync(
            new Proto.UpdateUserRequest { User = new Proto.User { Name = admin.User.Name, Disabled = true }, UpdateMask = new() { Paths = { "disabled" } } },
            admin.Headers()));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_users_and_keys()
    {
        var rep = await Gateway.SignInAsNewUserAsync([Roles.SalesRep]);

        var create = await Users.FailsAsync(() => Gateway.Client.CreateUserAsync(
            new Proto.CreateUserRequest { User = new Proto.User { Email = "x@example.com" }, Password = Users.Password }, rep.Headers()));
        var list = await Users.FailsAsync(() => Gateway.Client.ListApiKeysAsync(new Proto.ListApiKeysRequest(), rep.Headers()));

        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(rep.User.Name, (await Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), rep.Headers())).Name);
    }
}
