using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Customers = CrmPlatform.Contracts.Customers.V1;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed class ApiKeyTests(GatewayFixture fixture)
{
    private GatewayServer Gateway => fixture.Gateway;

    [Fact]
    public async Task A_created_key_is_shown_once_and_stored_only_as_a_hash()
    {
        var created = await Gateway.CreateApiKeyAsync([Roles.Analyst]);
        var admin = await Gateway.SignInAsAdminAsync();

        var listed = (await Gateway.Client.ListApiKeysAsync(new Proto.ListApiKeysRequest(), admin.Headers())).ApiKeys.Single(key => key.Name == created.ApiKey.Name);

        Assert.Matches("^crm_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}$", created.Key);
        Assert.StartsWith(listed.Prefix + "_", created.Key, StringComparison.Ordinal);
        Assert.Equal([Roles.Analyst], listed.Roles);
        Assert.Equal(admin.User.Name, "users/" + listed.OwnerUserId);
        Assert.False(listed.Revoked);
        var secret = created.Key.Split('_')[2];
        Assert.Equal(0, await Gateway.ScalarAsync<long>("SELECT count(*) FROM api_keys k WHERE position($1 in k::text) > 0", secret));
        Assert.Equal(0, await Gateway.ScalarAsync<long>("SELECT count(*) FROM api_keys k WHERE position($1 in encode(k.secret_hash, 'escape')) > 0", secret));
    }

    [Fact]
    public async Task A_key_reaches_the_services_as_a_caller_token_for_its_owner_roles_and_teams()
    {
        var created = await Gateway.CreateApiKeyAsync([Roles.SalesRep], "east");
        Gateway.Forwarded.Clear();

        await Users.FailsAsync(() => new Customers.Customers.CustomersClient(Gateway.Channel)
            .ListAccountsAsync(new Customers.ListAccountsRequest(), Users.ApiKeyHeaders(created.Key)));

        var forwarded = Assert.Single(Gateway.Forwarded);
        Assert.False(forwarded.ContainsKey("x-api-key"));
        var token = forwarded.Authorization.ToString()["Bearer ".Length..];
        var (caller, _) = await new CallerTokens(GatewayServer.Auth, TimeProvider.System).ValidateAsync(token);
        Assert.Equal(created.ApiKey.OwnerUserId, caller!.UserId);
        Assert.Equal(created.ApiKey.TenantId, caller.TenantId);
        Assert.Equal([Roles.SalesRep], caller.Roles);
        Assert.Equal(["east"], caller.Teams);
        var account = await fixture.Customers.Client.CreateAccountAsync(
            new Customers.CreateAccountRequest { Account = new Customers.Account { Kind = Customers.AccountKind.Company, DisplayName = $"Key Co {Guid.NewGuid():N}" } },
            GatewayServer.Bearer(token));
        Assert.Equal(created.ApiKey.OwnerUserId, account.OwnerUserId);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_next_call()
    {
        var created = await Gateway.CreateApiKeyAsync([Roles.Admin]);
        await Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), Users.ApiKeyHeaders(created.Key));
        var admin = await Gateway.SignInAsAdminAsync();

        var revoked = await Gateway.Client.RevokeApiKeyAsync(new Proto.RevokeApiKeyRequest { Name = created.ApiKey.Name }, admin.Headers());
        var error = await Users.FailsAsync(() => Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), Users.ApiKeyHeaders(created.Key)));

        Assert.True(revoked.Revoked);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("The API key has been revoked.", error.Status.Detail);
    }

    [Fact]
    public async Task Disabling_the_owner_stops_their_keys()
    {
        var owner = await Gateway.SignInAsNewUserAsync([Roles.Admin]);
        var created = await Gateway.Client.CreateApiKeyAsync(
            new Proto.CreateApiKeyRequest { ApiKey = new Proto.ApiKey { DisplayName = "owned", Roles = { Roles.Analyst } } }, owner.Headers());
        var admin = await Gateway.SignInAsAdminAsync();

        await Gateway.Client.UpdateUserAsync(
            new Proto.UpdateUserRequest { User = new Proto.User { Name = owner.User.Name, Disabled = true }, UpdateMask = new() { Paths = { "disabled" } } },
            admin.Headers());
        var error = await Users.FailsAsync(() => Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), Users.ApiKeyHeaders(created.Key)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_key_past_its_expiry_or_with_a_wrong_secret_is_refused()
    {
        var created = await Gateway.CreateApiKeyAsync([Roles.Admin]);
        await Gateway.ScalarAsync<int>("UPDATE api_keys SET expire_time = now() - interval '1 minute' WHERE prefix = $1 RETURNING 1", created.Key.Split('_')[1]);
        var forged = created.Key[..^4] + "AAAA";

        var expired = await Users.FailsAsync(() => Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), Users.ApiKeyHeaders(created.Key)));
        var wrong = await Users.FailsAsync(() => Gateway.Client.ListUsersAsync(new Proto.ListUsersRequest(), Users.ApiKeyHeaders(forged)));

        Assert.Equal((StatusCode.Unauthenticated, "The API key has expired."), (expired.StatusCode, expired.Status.Detail));
        Assert.Equal((StatusCode.Unauthenticated, "The API key is not valid."), (wrong.StatusCode, wrong.Status.Detail));
    }

    [Fact]
    public async Task Creating_a_key_needs_a_name_a_known_role_and_a_future_expiry()
    {
        var admin = await Gateway.SignInAsAdminAsync();

        async Task<RpcException> CreateAsync(Proto.ApiKey key) =>
            await Users.FailsAsync(() => Gateway.Client.CreateApiKeyAsync(new Proto.CreateApiKeyRequest { ApiKey = key }, admin.Headers()));

        var name = await CreateAsync(new Proto.ApiKey { Roles = { Roles.Analyst } });
        var role = await CreateAsync(new Proto.ApiKey { DisplayName = "k", Roles = { "root" } });
        var expiry = await CreateAsync(new Proto.ApiKey { DisplayName = "k", Roles = { Roles.Analyst }, ExpireTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1)) });

        Assert.StartsWith("api_key.display_name:", name.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("api_key.roles:", role.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("api_key.expire_time:", expiry.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_use_of_a_key_is_recorded_in_the_background()
    {
        var created = await Gateway.CreateApiKeyAsync([Roles.Admin]);
        var admin = await Gateway.SignInAsAdminAsync();

        await Gateway.Client.GetCurrentUserAsync(new Proto.GetCurrentUserRequest(), Users.ApiKeyHeaders(created.Key));

        Proto.ApiKey listed = created.ApiKey;
        for (var poll = 0; poll < 600 && listed.LastUsedTime is null; poll++)
        {
            await Task.Delay(50);
            listed = (await Gateway.Client.ListApiKeysAsync(new Proto.ListApiKeysRequest(), admin.Headers())).ApiKeys.Single(key => key.Name == created.ApiKey.Name);
        }

        Assert.NotNull(listed.LastUsedTime);
        Assert.True(listed.LastUsedTime.ToDateTime() >= created.ApiKey.CreateTime.ToDateTime());
    }
}
