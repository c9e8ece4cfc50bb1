using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry.Exporter;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>A call that crosses processes is one trace in the dashboard, with each process's spans under the caller's.</summary>
[Collection(DashboardPlatformCollection.Name)]
public sealed class DistributedTraceTests(DashboardPlatformFixture platform)
{
    [Fact]
    public async Task A_call_from_the_test_into_the_customers_service_is_one_trace_with_spans_from_both_processes()
    {
        string traceId;
        using (var telemetry = new TestTelemetry("ops-test", OtlpExportProtocol.HttpProtobuf, platform.Dashboard.OtlpHttpUrl, platform.ApiKey, "System.Net.Http"))
        using (var http = new HttpClient())
        {
            using (var caller = telemetry.Source.StartActivity("check customers", ActivityKind.Internal)!)
            {
                traceId = caller.TraceId.ToHexString();
                using var response = await http.GetAsync(new Uri(platform.App.GetEndpoint("customers"), "/health"));
                response.EnsureSuccessStatusCode();
            }

            telemetry.Flush();
        }

        using var api = platform.CreateApiClient();
        await api.WaitForAsync($"/api/traces?service=customers&limit=5000", t => Find(t, traceId) is { } summary
            && summary.GetProperty("services").EnumerateArray().Count() == 2);
        var detail = await api.GetAsync($"/api/traces/{traceId}");
        var spans = detail.GetProperty("spans").EnumerateArray().ToList();
        var services = spans.Select(s => s.GetProperty("service").GetString()).ToHashSet();
        Assert.Equal(["customers", "ops-test"], services.Order());

        var server = spans.Single(s => s.GetProperty("service").GetString() == "customers" && s.GetProperty("kind").GetString() == "server");
        var client = spans.Single(s => s.GetProperty("service").GetString() == "ops-test" && s.GetProperty("kind").GetString() == "client");
        Assert.Equal(client.GetProperty("spanId").GetString(), server.GetProperty("parentSpanId").GetString());
        Assert.Contains(spans, s => s.GetProperty("scope").GetString() == "Npgsql" && s.GetProperty("service").GetString() == "customers");
    }

    private static JsonElement? Find(JsonElement traces, string traceId) =>
        traces.GetProperty("traces").EnumerateArray().Where(t => t.GetProperty("traceId").GetString() == traceId).Cast<JsonElement?>().FirstOrDefault();
}
