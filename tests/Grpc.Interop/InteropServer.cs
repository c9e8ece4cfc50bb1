using System.Net;
using CrmPlatform.Grpc.Health;
using CrmPlatform.Grpc.Interop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServingStatus = CrmPlatform.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CrmPlatform.Grpc.Interop;

/// <summary>
/// The interop server: TestService, server reflection and health on an HTTP/2 cleartext (h2c) endpoint at 127.0.0.1.
/// </summary>
public static class InteropServer
{
    /// <summary>Builds the server; <paramref name="port"/> 0 picks a free port (read it from <see cref="GetPort"/> once started).</summary>
    public static WebApplication Create(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.Services.GetRequiredService<GrpcHealthState>().SetStatus(TestService.Descriptor.FullName, ServingStatus.Serving);
        return app;
    }

    /// <summary>Creates and starts a server; dispose the returned application to stop it.</summary>
    public static async Task<WebApplication> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var app = Create(port);
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>The port a started server listens on.</summary>
    public static int GetPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single()).Port;
    }
}
