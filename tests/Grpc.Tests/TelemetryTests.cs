using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrmPlatform.Grpc.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Tests;

public sealed class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("CrmPlatform.Grpc.Tests");

    [Fact]
    public async Task ClientAndServerSpansFollowRpcConventionsAndShareTheCallersTrace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GrpcTelemetry.Name or "CrmPlatform.Grpc.Tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await GrpcTestServer.StartAsync();
        var client = server.CreateClient();

        ActivityTraceId traceId;
        using (var parent = TestSource.StartActivity("caller"))
        {
            traceId = parent!.TraceId;
            await client.EchoAsync("traced");
        }

        var spans = stopped.Where(a => a.TraceId == traceId && a.Source.Name == GrpcTelemetry.Name).ToList();
        var clientSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, a => a.Kind == ActivityKind.Server);
        Assert.Equal("test.Tester/Echo", serverSpan.DisplayName);
        Assert.NotEqual(default, serverSpan.ParentSpanId);
        Assert.NotEqual(clientSpan.SpanId, serverSpan.SpanId);
        Assert.Equal("grpc", serverSpan.GetTagItem("rpc.system"));
        Assert.Equal("test.Tester", serverSpan.GetTagItem("rpc.service"));
        Assert.Equal("Echo", serverSpan.GetTagItem("rpc.method"));
        Assert.Equal(0, serverSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(0, clientSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task FailedCallMarksTheClientSpanAsAnError()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GrpcTelemetry.Name or "CrmPlatform.Grpc.Tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await GrpcTestServer.StartAsync();

        ActivityTraceId traceId;
        using (var parent = TestSource.StartActivity("caller"))
        {
            traceId = parent!.TraceId;
            await Assert.ThrowsAsync<RpcException>(() => server.CreateClient().FailAsync("rpc:NotFound:x").ResponseAsync);
        }

        var clientSpan = Assert.Single(stopped, a => a.TraceId == traceId && a.Kind == ActivityKind.Client);
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        Assert.Equal((int)StatusCode.NotFound, clientSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task DurationsAreRecordedForServerAndClient()
    {
        var measurements = new ConcurrentQueue<(string Instrument, string? Method, object? Code)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GrpcTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            string? method = null;
            object? code = null;
            foreach (var tag in tags)
            {
                method = tag.Key == "rpc.method" ? tag.Value as string : method;
                code = tag.Key == "rpc.grpc.status_code" ? tag.Value : code;
            }

            measurements.Enqueue((instrument.Name, method, code));
        });
        meterListener.Start();
        await using var server = await GrpcTestServer.StartAsync();

        await server.CreateClient().HeadersAsync();

        Assert.Contains(measurements, m => m is ("rpc.server.duration", "Headers", 0));
        Assert.Contains(measurements, m => m is ("rpc.client.duration", "Headers", 0));
    }
}
