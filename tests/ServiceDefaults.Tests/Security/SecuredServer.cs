using System.Net;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.ServiceDefaults.Tests.Security;

/// <summary>A real Kestrel h2c server whose gRPC calls go through <see cref="CallerAuthenticationInterceptor"/>.</summary>
internal sealed class SecuredServer : IAsyncDisposable
{
    public static readonly TokenSettings Settings = new("crm-tests", "crm-services", "test-only-signing-key-of-at-least-32-bytes");

    private readonly WebApplication _app;

    private SecuredServer(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public WhoAmI.WhoAmIClient Client => new(Channel);

    public static async Task<SecuredServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Auth:Issuer"] = Settings.Issuer;
        builder.Configuration["Auth:Audience"] = Settings.Audience;
        builder.Configuration["Auth:SigningKey"] = Settings.SigningKey;
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.AddCallerAuthentication();
        var app = builder.Build();
        app.MapGrpcService<WhoAmIService>();
        await app.StartAsync();
        return new SecuredServer(app, GrpcChannel.ForAddress(app.Urls.Single()));
    }

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
