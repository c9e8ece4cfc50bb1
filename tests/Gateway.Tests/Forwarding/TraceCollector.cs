using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>An OTLP/HTTP intake that keeps the raw protobuf trace exports the gateway sends it.</summary>
public sealed class TraceCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _traceExports;

    private TraceCollector(WebApplication app, ConcurrentQueue<byte[]> traceExports)
    {
        _app = app;
        _traceExports = traceExports;
        Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri Endpoint { get; }

    public static async Task<TraceCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();

        // The test's output folder holds the gateway's appsettings.json; its Kestrel endpoints are not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var traceExports = new ConcurrentQueue<byte[]>();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (signal == "traces")
            {
                traceExports.Enqueue(body.ToArray());
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return new TraceCollector(app, traceExports);
    }

    /// <summary>Waits until an export holds the span with this id (its 8 raw bytes, as OTLP's protobuf carries them).</summary>
    public async Task<bool> WaitForSpanAsync(ReadOnlyMemory<byte> spanId, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!cancellation.IsCancellationRequested)
        {
            if (_traceExports.Any(export => export.AsSpan().IndexOf(spanId.Span) >= 0))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        return false;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
