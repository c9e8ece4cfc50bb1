using System.Net;
using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>A real gRPC server (our runtime on Kestrel, h2c on a free port) serving <see cref="ProbeService"/> and grpc.health.v1.</summary>
public sealed class ProbeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeServer(WebApplication app, ProbeObservations observations)
    {
        _app = app;
        Observations = observations;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(address);
    }

    public Uri Address { get; }

    public ProbeObservations Observations { get; }

    public static async Task<ProbeServer> StartAsync()
    {
        var observations = new ProbeObservations();
        var builder = WebApplication.CreateSlimBuilder();

        // The test's output folder holds the gateway's appsettings.json; its Kestrel endpoints are not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(observations);
        var app = builder.Build();
        app.MapGrpcService<ProbeService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        return new ProbeServer(app, observations);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
