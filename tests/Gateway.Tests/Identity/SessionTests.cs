using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed class SessionTests(GatewayFixture fixture)
{
    private GatewayServer Gateway => fixture.Gateway;

    [Fact]
    public async Task Signing_in_gives_a_short_lived_caller_token_for_the_user_and_a_refresh_token()
    {
        var user = await Gateway.CreateUserAsync([Roles.SalesRep], "north");

        var session = await Gateway.SignInAsync(user.Email.ToUpperInvariant(), Users.Password);

        var (caller, error) = await new CallerTokens(GatewayServer.Auth, TimeProvider.System).ValidateAsync(session.AccessToken);
        Assert.Null(error);
        Assert.Equal(user.Name, "users/" + caller!.UserId);
        Assert.Equal("default", caller.TenantId);
        Assert.Equal([Roles.SalesRep], caller.Roles);
        Assert.Equal(["north"], caller.Teams);
        Assert.InRange(session.AccessTokenExpireTime.ToDateTime() - DateTime.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.InRange(session.RefreshTokenExpireTime.ToDateTime() - DateTime.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        Assert.NotEmpty(session.RefreshToken);
        Assert.Equal(user.Email, session.User.Email);
        Assert.Equal(user.Name, (await Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), session.Headers())).Name);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var user = await Gateway.CreateUserAsync([Roles.Analyst]);

        var wrongPassword = await Users.FailsAsync(() => Gateway.Client.SignInAsync(new Proto.SignInRequest { Email = user.Email, Password = "not the password" }));
        var unknownEmail = await Users.FailsAsync(() => Gateway.Client.SignInAsync(new Proto.SignInRequest { Email = "nobody@example.com", Password = Users.Password }));

        Assert.Equal(StatusCode.Unauthenticated, wrongPassword.StatusCode);
        Assert.Equal(wrongPassword.Status, unknownEmail.Status);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_loses_their_sessions()
    {
        var user = await Gateway.CreateUserAsync([Roles.Marketer]);
        var session = await Gateway.SignInAsync(user.Email, Users.Password);
        var admin = await Gateway.SignInAsAdminAsync();

        await Gateway.Client.UpdateUserAsync(
            new Proto.UpdateUserRequest { User = new Proto.User { Name = user.Name, Disabled = true }, UpdateMask = new() { Paths = { "disabled" } } },
            admin.Headers());

        var signIn = await Users.FailsAsync(() => Gateway.Client.SignInAsync(new Proto.SignInRequest { Email = user.Email, Password = Users.Password }));
        Assert.Equal(StatusCode.Unauthenticated, signIn.StatusCode);
        Assert.Contains("disabled", signIn.Status.Detail, StringComparison.Ordinal);
        var refresh = await Users.FailsAsync(() => Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = session.RefreshToken }));
        Assert.Equal(StatusCode.Unauthenticated, refresh.StatusCode);
    }

    [Fact]
    public async Task Refreshing_rotates_the_refresh_token_and_reusing_the_old_one_ends_the_session()
    {
        var first = await Gateway.SignInAsNewUserAsync([Roles.ServiceAgent]);

        var second = await Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = first.RefreshToken });

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(first.User.Name, second.User.Name);
        var reuse = await Users.FailsAsync(() => Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = first.RefreshToken }));
        Assert.Equal(StatusCode.Unauthenticated, reuse.StatusCode);
        var afterReuse = await Users.FailsAsync(() => Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = second.RefreshToken }));
        Assert.Equal(StatusCode.Unauthenticated, afterReuse.StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token()
    {
        var session = await Gateway.SignInAsNewUserAsync([Roles.SalesManager]);

        await Gateway.Client.SignOutAsync(new Proto.SignOutRequest { RefreshToken = session.RefreshToken });

        var refresh = await Users.FailsAsync(() => Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = session.RefreshToken }));
        Assert.Equal(StatusCode.Unauthenticated, refresh.StatusCode);
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_hashes()
    {
        var session = await Gateway.SignInAsNewUserAsync([Roles.Analyst]);

        var plaintext = await Gateway.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens t WHERE position($1 in t::text) > 0", session.RefreshToken);

        Assert.Equal(0, plaintext);
    }

    [Fact]
    public async Task Sessions_that_ended_over_thirty_days_ago_are_deleted_while_live_and_recent_ones_stay()
    {
        var user = await Gateway.CreateUserAsync([Roles.Analyst]);
        var session = await Gateway.SignInAsync(user.Email, Users.Password);
        var userId = Guid.Parse(user.Name["users/".Length..]);
        var (ended, oldButLive, recentlyEnded) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await Gateway.ScalarAsync<long>(
            """
            WITH rows AS (
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, create_time, expire_time, replaced_time, revoked_time)
                SELECT gen_random_uuid(), f, $4, sha256(gen_random_uuid()::text::bytea), now() - c, now() - e, now() - r, now() - v
                FROM (VALUES ($1, interval '60 days', interval '46 days', interval '50 days', NULL::interval),
                             ($1, interval '50 days', interval '36 days', NULL, NULL),
                             ($2, interval '40 days', interval '-1 day', NULL, NULL),
                             ($3, interval '5 days', interval '-9 days', NULL, interval '1 day')) AS t (f, c, e, r, v)
                RETURNING 1)
            SELECT count(*) FROM rows
            """,
            ended, oldButLive, recentlyEnded, userId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await FamilySizeAsync(ended) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal((0L, 1L, 1L), (await FamilySizeAsync(ended), await FamilySizeAsync(oldButLive), await FamilySizeAsync(recentlyEnded)));
        var refreshed = await Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = session.RefreshToken });
        Assert.NotEmpty(refreshed.RefreshToken);
    }

    private Task<long> FamilySizeAsync(Guid familyId) =>
        Gateway.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE family_id = $1", familyId);

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_user_out_for_a_while()
    {
        var user = await Gateway.CreateUserAsync([Roles.SalesRep]);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Users.FailsAsync(() => Gateway.Client.SignInAsync(new Proto.SignInRequest { Email = user.Email, Password = "guess number " + attempt }));
        }

        var locked = await Users.FailsAsync(() => Gateway.Client.SignInAsync(new Proto.SignInRequest { Email = user.Email, Password = Users.Password }));

        Assert.Equal(StatusCode.Unauthenticated, locked.StatusCode);
        Assert.Contains("locked", locked.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_checks_the_current_one_and_ends_every_session()
    {
        var session = await Gateway.SignInAsNewUserAsync([Roles.Marketer]);
        const string newPassword = "a brand new passphrase";

        var wrong = await Users.FailsAsync(() => Gateway.Client.ChangePasswordAsync(
            new Proto.ChangePasswordRequest { CurrentPassword = "not it at all", NewPassword = newPassword }, session.Headers()));
        var tooShort = await Users.FailsAsync(() => Gateway.Client.ChangePasswordAsync(
            new Proto.ChangePasswordRequest { CurrentPassword = Users.Password, NewPassword = "short" }, session.Headers()));
        await Gateway.Client.ChangePasswordAsync(new Proto.ChangePasswordRequest { CurrentPassword = Users.Password, NewPassword = newPassword }, session.Headers());

        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.StartsWith("current_password:", wrong.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("new_password:", tooShort.Status.Detail, StringComparison.Ordinal);
        await Users.FailsAsync(() => Gateway.Client.RefreshSessionAsync(new Proto.RefreshSessionRequest { RefreshToken = session.RefreshToken }));
        Assert.Equal(session.User.Name, (await Gateway.SignInAsync(session.User.Email, newPassword)).User.Name);
    }
}
