using System.Diagnostics;
using System.Text.Json;
using CrmPlatform.AppHost.Dashboard;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>Telemetry sent by the real OpenTelemetry .NET exporter shows up in the dashboard's API, over both OTLP protocols.</summary>
public sealed partial class OtlpIntakeTests
{
    private const string ApiKey = "test-key";

    [Theory]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    [InlineData(OtlpExportProtocol.Grpc)]
    public async Task Spans_logs_and_metrics_from_the_opentelemetry_exporter_appear_in_the_api(OtlpExportProtocol protocol)
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with { ApiKey = ApiKey });
        var service = $"exporter-{protocol}".ToLowerInvariant();
        var endpoint = protocol == OtlpExportProtocol.Grpc ? dashboard.OtlpGrpcUrl : dashboard.OtlpHttpUrl;
        using var api = new DashboardApiClient(dashboard.UiUrl);
        string traceId;
        using (var telemetry = new TestTelemetry(service, protocol, endpoint, ApiKey))
        {
            var requests = telemetry.Meter.CreateCounter<long>("test.requests");
            var latency = telemetry.Meter.CreateHistogram<double>("test.latency", unit: "ms");
            var logger = telemetry.CreateLogger("Orders");
            using (var parent = telemetry.Source.StartActivity("place order", ActivityKind.Server)!)
            {
                traceId = parent.TraceId.ToHexString();
                using (var child = telemetry.Source.StartActivity("charge card", ActivityKind.Client)!)
                {
                    child.SetTag("payment.amount", 42);
                    child.AddEvent(new ActivityEvent("card declined"));
                    child.SetStatus(ActivityStatusCode.Error, "declined");
                    Log.OrderFailed(logger, 7);
                }
            }

            requests.Add(3, new KeyValuePair<string, object?>("route", "/orders"));
            latency.Record(10);
            latency.Record(30);
            telemetry.Flush();
            requests.Add(6, new KeyValuePair<string, object?>("route", "/orders"));
            latency.Record(20);
            telemetry.Flush();
        }

        var traces = await api.WaitForAsync($"/api/traces?service={service}", t => t.GetProperty("total").GetInt32() == 1);
        var trace = traces.GetProperty("traces")[0];
        Assert.Equal(traceId, trace.GetProperty("traceId").GetString());
        Assert.Equal("place order", trace.GetProperty("name").GetString());
        Assert.Equal(2, trace.GetProperty("spanCount").GetInt32());
        Assert.True(trace.GetProperty("hasError").GetBoolean());

        var detail = await api.GetAsync($"/api/traces/{traceId}");
        var spans = detail.GetProperty("spans").EnumerateArray().ToList();
        var charge = spans.Single(s => s.GetProperty("name").GetString() == "charge card");
        Assert.Equal(spans.Single(s => s.GetProperty("name").GetString() == "place order").GetProperty("spanId").GetString(), charge.GetProperty("parentSpanId").GetString());
        Assert.Equal("42", charge.GetProperty("attributes").GetProperty("payment.amount").GetString());
        Assert.Equal("card declined", charge.GetProperty("events")[0].GetProperty("name").GetString());

        var logs = await api.WaitForAsync($"/api/logs?traceId={traceId}", l => l.GetProperty("total").GetInt32() == 1);
        var entry = logs.GetProperty("entries")[0];
        Assert.Equal("Order 7 could not be charged", entry.GetProperty("message").GetString());
        Assert.Equal("Error", entry.GetProperty("level").GetString());
        Assert.Equal(service, entry.GetProperty("service").GetString());
        Assert.Equal("7", entry.GetProperty("attributes").GetProperty("OrderId").GetString());
        Assert.Equal(1, (await api.GetAsync($"/api/logs?resource={service}&level=error&attr=OrderId=7")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetAsync($"/api/logs?resource={service}&attr=OrderId=8")).GetProperty("total").GetInt32());

        var instruments = await api.WaitForAsync($"/api/metrics?resource={service}", m => m.GetArrayLength() == 2);
        Assert.Equal(["test.latency", "test.requests"], instruments.EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var rate = await api.GetAsync($"/api/metrics/{service}/test.requests?attr=route=/orders");
        Assert.Equal("rate", rate.GetProperty("display").GetString());
        Assert.True(rate.GetProperty("points")[0].GetProperty("rate").GetDouble() > 0);
        var latencyChart = await api.GetAsync($"/api/metrics/{service}/test.latency");
        Assert.Equal("percentiles", latencyChart.GetProperty("display").GetString());
        Assert.Equal(JsonValueKind.Number, latencyChart.GetProperty("points")[0].GetProperty("p50").ValueKind);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} could not be charged")]
        public static partial void OrderFailed(ILogger logger, int orderId);
    }
}
