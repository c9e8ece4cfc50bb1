using CrmPlatform.Grpc;
using Proto = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.Gateway.Tests.Identity;

/// <summary>Sign-ins and users for the tests, made through the identity API itself.</summary>
internal static class Users
{
    public const string Password = "correct horse battery staple";

    public static async Task<Proto.Session> SignInAsync(this GatewayServer gateway, string email, string password) =>
        await gateway.Client.SignInAsync(new Proto.SignInRequest { Email = email, Password = password });

    public static Task<Proto.Session> SignInAsAdminAsync(this GatewayServer gateway) =>
        gateway.SignInAsync(GatewayServer.AdminEmail, GatewayServer.AdminPassword);

    public static Metadata Headers(this Proto.Session session) => GatewayServer.Bearer(session.AccessToken);

    /// <summary>A new user with a unique email and <see cref="Password"/>, created by the admin.</summary>
    public static async Task<Proto.User> CreateUserAsync(this GatewayServer gateway, string[] roles, params string[] teams)
    {
        var admin = await gateway.SignInAsAdminAsync();
        var user = new Proto.User { Email = $"user-{Guid.NewGuid():N}@example.com", DisplayName = "Test User", Roles = { roles }, Teams = { teams } };
        return await gateway.Client.CreateUserAsync(new Proto.CreateUserRequest { User = user, Password = Password }, admin.Headers());
    }

    /// <summary>A new user with <paramref name="roles"/>, signed in.</summary>
    public static async Task<Proto.Session> SignInAsNewUserAsync(this GatewayServer gateway, string[] roles, params string[] teams)
    {
        var user = await gateway.CreateUserAsync(roles, teams);
        return await gateway.SignInAsync(user.Email, Password);
    }

    /// <summary>A new API key with <paramref name="roles"/>, created by the admin.</summary>
    public static async Task<Proto.CreatedApiKey> CreateApiKeyAsync(this GatewayServer gateway, string[] roles, params string[] teams)
    {
        var admin = await gateway.SignInAsAdminAsync();
        var key = new Proto.ApiKey { DisplayName = "integration", Roles = { roles }, Teams = { teams } };
        return await gateway.Client.CreateApiKeyAsync(new Proto.CreateApiKeyRequest { ApiKey = key }, admin.Headers());
    }

    public static Metadata ApiKeyHeaders(string key) => new() { { "x-api-key", key } };

    public static async Task<RpcException> FailsAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        await Assert.ThrowsAsync<RpcException>(async () => await call());
}
