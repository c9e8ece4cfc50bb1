using System.Net;
using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with an HTTP/2-only (h2c) endpoint and an HTTP/1.1+HTTP/2 endpoint.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ListenOptions _http2Only;
    private readonly ListenOptions _http1AndHttp2;
    private readonly List<IDisposable> _clients = [];

    private GrpcTestServer(WebApplication app, ListenOptions http2Only, ListenOptions http1AndHttp2, LogCapture logs)
    {
        _app = app;
        Logs = logs;
        _http2Only = http2Only;
        _http1AndHttp2 = http1AndHttp2;
    }

    public Uri Http2Address => new($"http://127.0.0.1:{_http2Only.IPEndPoint!.Port}");

    public Uri Http1Address => new($"http://127.0.0.1:{_http1AndHttp2.IPEndPoint!.Port}");

    public IServiceProvider Services => _app.Services;

    public LogCapture Logs { get; }

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    public static async Task<GrpcTestServer> StartAsync(
        Action<GrpcServiceOptions>? configureGrpc = null,
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? map = null,
        Action<KestrelServerOptions>? configureKestrel = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        ListenOptions? http2Only = null;
        ListenOptions? http1AndHttp2 = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                http2Only = listen;
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                http1AndHttp2 = listen;
            });
            configureKestrel?.Invoke(kestrel);
        });
        builder.Services.AddSingleton<CallProbe>();
        builder.Services.AddGrpc(configureGrpc);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGrpcWeb();
        app.MapGrpcService<TesterService>();
        map?.Invoke(app);
        await app.StartAsync();
        return new GrpcTestServer(app, http2Only!, http1AndHttp2!, logs);
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null)
    {
        var channel = GrpcChannel.ForAddress(Http2Address, options);
        _clients.Add(channel);
        return channel;
    }

    public Tester.Client CreateClient(GrpcChannelOptions? options = null) => new(CreateChannel(options));

    /// <summary>A plain HttpClient speaking HTTP/2 with prior knowledge to the HTTP/2-only endpoint.</summary>
    public HttpClient CreateHttp2Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = Http2Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(10),
        };
        _clients.Add(client);
        return client;
    }

    /// <summary>A plain HttpClient speaking HTTP/1.1 to the HTTP/1.1+HTTP/2 endpoint.</summary>
    public HttpClient CreateHttp1Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = Http1Address,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(10),
        };
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
