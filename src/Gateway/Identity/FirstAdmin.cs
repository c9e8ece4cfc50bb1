using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// On a gateway database without users, creates the first admin (<c>Gateway:AdminEmail</c>, tenant
/// <c>Gateway:Tenant</c>) with <c>Gateway:AdminPassword</c>; without one, with a random password logged once, or in
/// the Development environment with <see cref="DevelopmentPassword"/>. Replicas starting together create one admin.
/// </summary>
internal sealed class FirstAdmin(
    UserStore users,
    Passwords passwords,
    GatewayIdentityOptions options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<FirstAdmin> logger) : IHostedService
{
    /// <summary>Documented in src/Gateway/README.md; used only in Development when no password is configured.</summary>
    public const string DevelopmentPassword = "crm-development-admin";

    private const int RandomPasswordLength = 20;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = !string.IsNullOrEmpty(options.AdminPassword);
        var password = configured ? options.AdminPassword!
            : environment.IsDevelopment() ? DevelopmentPassword
            : Secrets.RandomText(RandomPasswordLength);
        EmailAddress.TryNormalize(options.AdminEmail, out var email);
        var admin = new GatewayUser(
            Guid.CreateVersion7(), email, "Administrator", passwords.Hash(password), [Roles.Admin], [], options.Tenant, false, null,
            timeProvider.GetUtcNow());
        if (!await users.InsertFirstAdminAsync(admin, cancellationToken))
        {
            return;
        }

        if (configured)
        {
            IdentityLog.FirstAdminFromConfiguration(logger, email, options.Tenant);
        }
        else if (environment.IsDevelopment())
        {
            IdentityLog.FirstAdminWithDevelopmentPassword(logger, email, options.Tenant, password);
        }
        else
        {
            IdentityLog.FirstAdminWithRandomPassword(logger, email, options.Tenant, password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
