using System.Diagnostics;
using CrmPlatform.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>
/// An ops user in Debian's chromium (driven by playwright-core, tests/AppHost.Tests/browser) finds a call into the customers
/// service in Traces, its waterfall across two services, its structured logs and the service's request rate.
/// Screenshots go to .crm/test-results/screenshots.
/// </summary>
[Collection(DashboardPlatformCollection.Name)]
public sealed partial class DashboardBrowserTests(DashboardPlatformFixture platform)
{
    private const string Caller = "ops-browser-test";

    [Fact]
    public async Task An_ops_user_finds_a_call_into_customers_in_traces_logs_and_metrics()
    {
        var traceId = await CallCustomersAsync();
        using var api = platform.CreateApiClient();
        await api.WaitForAsync($"/api/traces/{traceId}", t => t.GetProperty("summary").GetProperty("services").GetArrayLength() == 2);
        await api.WaitForAsync("/api/metrics/customers/http.server.request.duration", c =>
            c.GetProperty("points").EnumerateArray().Any(p => p.GetProperty("rate").GetDouble() > 0));

        var root = AppHostOptions.Parse([]).RepositoryRoot;
        var browserDirectory = Path.Combine(root, "tests", "AppHost.Tests", "browser");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is missing: ./crm.sh test installs it (apt-get install chromium).");
        Assert.True(Directory.Exists(Path.Combine(browserDirectory, "node_modules", "playwright-core")), "playwright-core is missing: run npm ci in tests/AppHost.Tests/browser.");
        var output = new List<string>();
        await using var node = ChildProcess.Start(new ChildProcessStartInfo("browser", "node", ["dashboard.mjs"])
        {
            WorkingDirectory = browserDirectory,
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["DASHBOARD_URL"] = platform.Dashboard.BrowserUrl.ToString(),
                ["TRACE_ID"] = traceId,
                ["CALLER"] = Caller,
                ["SCREENSHOTS"] = Path.Combine(root, ".crm", "test-results", "screenshots"),
            },
            Output = line =>
            {
                lock (output)
                {
                    output.Add(line.Text);
                }
            },
        });

        var exitCode = await node.Exited.WaitAsync(TimeSpan.FromSeconds(120));
        await node.OutputDrainedAsync();

        Assert.True(exitCode == 0, string.Join(Environment.NewLine, output));
    }

    /// <summary>Calls the customers service a few times under one span of the test process (which exports to the dashboard too).</summary>
    private async Task<string> CallCustomersAsync()
    {
        using var telemetry = new TestTelemetry(Caller, OtlpExportProtocol.HttpProtobuf, platform.Dashboard.OtlpHttpUrl, platform.ApiKey, "System.Net.Http");
        using var http = new HttpClient();
        using var caller = telemetry.Source.StartActivity("check customers from the browser test", ActivityKind.Internal)!;
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync(new Uri(platform.App.GetEndpoint("customers"), "/health"));
            response.EnsureSuccessStatusCode();
            Log.Checked(telemetry.CreateLogger("OpsCheck"), i + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        caller.Stop();
        telemetry.Flush();
        return caller.TraceId.ToHexString();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Customers answered health check {Attempt}")]
        public static partial void Checked(ILogger logger, int attempt);
    }
}
