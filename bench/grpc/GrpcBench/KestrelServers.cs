using System.Buffers;
using System.Net;
using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.GrpcBench;

/// <summary>The two in-process servers: ours (the gRPC runtime) and raw Kestrel (no gRPC machinery).</summary>
internal static class KestrelServers
{
    public static async Task<WebApplication> StartOursAsync()
    {
        var app = CreateH2cApp(services => services.AddGrpc());
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// A plain HTTP/2 endpoint that answers every request with its own body (for an echo the framed request is
    /// byte for byte the framed response), status 200, content-type application/grpc and trailer grpc-status: 0.
    /// </summary>
    public static async Task<WebApplication> StartRawAsync()
    {
        var app = CreateH2cApp(_ => { });
        app.Run(EchoBodyAsync);
        await app.StartAsync();
        return app;
    }

    public static int GetPort(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;

    private static WebApplication CreateH2cApp(Action<IServiceCollection> configureServices)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        configureServices(builder.Services);
        return builder.Build();
    }

    /// <remarks>The body is buffered, not flushed: Kestrel sends it with the trailers when the handler returns.</remarks>
    private static async Task EchoBodyAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var result = await reader.ReadAsync();
        while (!result.IsCompleted)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await reader.ReadAsync();
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.AppendTrailer("grpc-status", "0");
        foreach (var segment in result.Buffer)
        {
            response.BodyWriter.Write(segment.Span);
        }

        reader.AdvanceTo(result.Buffer.End);
    }
}
