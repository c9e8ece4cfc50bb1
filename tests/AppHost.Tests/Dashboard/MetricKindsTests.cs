using System.Diagnostics;
using System.Text.Json;
using CrmPlatform.AppHost.Dashboard;
using CrmPlatform.AppHost.Dashboard.Otlp.Collector.Metrics;
using CrmPlatform.Grpc;
using OpenTelemetry.Exporter;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>Every OTLP metric type is charted: exponential histograms and summaries as percentiles, traces found by span attributes.</summary>
public sealed class MetricKindsTests
{
    private const string ApiKey = "test-key";

    [Fact]
    public async Task Exponential_histograms_from_the_exporter_are_charted_as_percentiles()
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with { ApiKey = ApiKey });
        using var api = new DashboardApiClient(dashboard.UiUrl);
        using (var telemetry = new TestTelemetry("exponential-service", OtlpExportProtocol.HttpProtobuf, dashboard.OtlpHttpUrl, ApiKey))
        {
            var latency = telemetry.Meter.CreateHistogram<double>(TestTelemetry.ExponentialPrefix + "latency", unit: "ms");
            latency.Record(1);
            telemetry.Flush();
            foreach (var value in Enumerable.Range(1, 100))
            {
                latency.Record(value);
            }

            telemetry.Flush();
        }

        var chart = await api.WaitForAsync(
            $"/api/metrics/exponential-service/{TestTelemetry.ExponentialPrefix}latency",
            c => c.GetProperty("points").GetArrayLength() > 0);

        Assert.Equal("histogram", chart.GetProperty("instrument").GetProperty("kind").GetString());
        Assert.Equal("percentiles", chart.GetProperty("display").GetString());
        var point = chart.GetProperty("points")[0];
        Assert.InRange(point.GetProperty("p50").GetDouble(), 40, 60);
        Assert.InRange(point.GetProperty("p99").GetDouble(), 90, 110);
    }

    [Fact]
    public async Task Summaries_are_charted_with_their_own_quantiles_and_rate()
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with { ApiKey = ApiKey });
        using var api = new DashboardApiClient(dashboard.UiUrl);
        using var channel = GrpcChannel.ForAddress(dashboard.OtlpGrpcUrl);
        var client = new MetricsService.MetricsServiceClient(channel);
        var key = new Metadata { { DashboardOptions.ApiKeyHeader, ApiKey } };
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        await client.ExportAsync(OtlpPayloads.Summary("legacy", "rpc.latency", start, start.AddSeconds(30), 100, 1_000, (0.5, 8), (0.9, 20), (0.99, 45)), key);
        await client.ExportAsync(OtlpPayloads.Summary("legacy", "rpc.latency", start, start.AddSeconds(40), 300, 3_000, (0.5, 9), (0.9, 21), (0.99, 50)), key);

        var chart = await api.WaitForAsync("/api/metrics/legacy/rpc.latency", c => c.GetProperty("points").GetArrayLength() == 2);

        Assert.Equal("summary", chart.GetProperty("instrument").GetProperty("kind").GetString());
        var latest = chart.GetProperty("points")[1];
        Assert.Equal(9, latest.GetProperty("p50").GetDouble());
        Assert.Equal(21, latest.GetProperty("p90").GetDouble());
        Assert.Equal(50, latest.GetProperty("p99").GetDouble());
        Assert.Equal(20, latest.GetProperty("rate").GetDouble(), 6);
    }

    [Fact]
    public async Task Traces_are_found_by_span_attributes()
    {
        await using var dashboard = await DashboardServer.StartAsync(DashboardOptions.Standalone with { ApiKey = ApiKey });
        using var api = new DashboardApiClient(dashboard.UiUrl);
        string wanted;
        using (var telemetry = new TestTelemetry("attribute-service", OtlpExportProtocol.HttpProtobuf, dashboard.OtlpHttpUrl, ApiKey))
        {
            using (var root = telemetry.Source.StartActivity("GET /accounts", ActivityKind.Server)!)
            {
                wanted = root.TraceId.ToHexString();
                using var child = telemetry.Source.StartActivity("select", ActivityKind.Client)!;
                child.SetTag("db.name", "customers");
                child.SetTag("customer.id", "42");
            }

            using (var other = telemetry.Source.StartActivity("GET /accounts", ActivityKind.Server)!)
            {
                other.SetTag("customer.id", "43");
            }

            telemetry.Flush();
        }

        await api.WaitForAsync("/api/traces?service=attribute-service", t => t.GetProperty("total").GetInt32() == 2);

        var found = await api.GetAsync("/api/traces?service=attribute-service&attr=customer.id=42&attr=db.name=customers");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(wanted, found.GetProperty("traces")[0].GetProperty("traceId").GetString());
        Assert.Equal(0, (await api.GetAsync("/api/traces?attr=customer.id=42&attr=db.name=orders")).GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Array, found.GetProperty("traces").ValueKind);
    }
}
