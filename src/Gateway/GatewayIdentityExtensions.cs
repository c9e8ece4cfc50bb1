using CrmPlatform.Gateway.Identity;
using CrmPlatform.Gateway.Identity.Data;
using CrmPlatform.Gateway.Identity.Grpc;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway;

/// <summary>
/// Users, sign-in, API keys, caller tokens toward the services and rate limits: registered by
/// <see cref="AddGatewayIdentity{TBuilder}"/>, put in front of everything by <see cref="UseGatewayIdentity"/>, and the
/// <c>crm.identity.v1.Identity</c> API mapped by <see cref="MapGatewayIdentity"/>.
/// </summary>
public static class GatewayIdentityExtensions
{
    public const string DatabaseName = "gateway";

    /// <summary>The largest message the gateway's own gRPC services (identity, health, reflection) accept.</summary>
    public const int MaxRequestMessageBytes = 64 * 1024;

    /// <summary>
    /// The gateway database (<c>ConnectionStrings__gateway</c>, migrated at start-up, first admin created), caller
    /// tokens (<c>Auth__*</c>), the <c>Gateway</c> section (<see cref="GatewayIdentityOptions"/>) and the rate limiter.
    /// </summary>
    public static TBuilder AddGatewayIdentity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = GatewayIdentityOptions.From(builder.Configuration);
        builder.AddPostgres(DatabaseName, typeof(GatewayIdentityExtensions).Assembly);
        builder.AddCallerTokens();
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = MaxRequestMessageBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<RefreshTokenStore>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddSingleton<UserAdministration>();
        builder.Services.AddSingleton<ApiKeyAdministration>();
        builder.Services.AddSingleton<ApiKeyAuthenticator>();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ApiKeyUsage>());
        builder.Services.AddHostedService<FirstAdmin>();
        builder.Services.AddHostedService<SessionPurge>();
        builder.Services.AddRateLimiter(limiter => GatewayRateLimiting.Configure(limiter, options.RateLimits));
        return builder;
    }

    /// <summary>Authentication (<see cref="GatewayAuthenticationMiddleware"/>), then the rate limiter.</summary>
    public static WebApplication UseGatewayIdentity(this WebApplication app)
    {
        app.UseMiddleware<GatewayAuthenticationMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapGatewayIdentity(this WebApplication app)
    {
        app.MapGrpcService<IdentityService>();
        return app;
    }
}
