using CrmPlatform.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Security;

public static class SecurityExtensions
{
    /// <summary>Validates the caller's JWT on every gRPC call (see <see cref="CallerAuthenticationInterceptor"/>).</summary>
    public static TBuilder AddCallerAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddCallerTokens();
        builder.Services.AddGrpc(options => options.Interceptors.Add<CallerAuthenticationInterceptor>());
        return builder;
    }

    /// <summary>
    /// Registers <see cref="CallerTokens"/> with the <see cref="TokenSettings"/> of the <c>Auth</c> section, checked at
    /// start-up: what the gateway needs to issue tokens, and every service to validate them.
    /// </summary>
    public static TBuilder AddCallerTokens<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(TokenSettings.SectionName);
        var settings = new TokenSettings(section["Issuer"] ?? "", section["Audience"] ?? "", section["SigningKey"] ?? "");
        settings.Validate();
        builder.Services.TryAddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CallerTokens>();
        return builder;
    }
}
