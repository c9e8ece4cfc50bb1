using System.Diagnostics;
using System.Text.Json;
using CrmPlatform.Grpc;
using CrmPlatform.Hosting;
using OpenTelemetry.Exporter;
using Customers = CrmPlatform.Contracts.Customers.V1;
using Identity = CrmPlatform.Contracts.Identity.V1;

namespace CrmPlatform.AppHost.Tests.Dashboard;

/// <summary>
/// An ops user in Debian's chromium (driven by playwright-core, tests/AppHost.Tests/browser) finds a customer created
/// through the gateway in Traces, its waterfall across the gateway, the customers service and PostgreSQL, its structured
/// logs and the customers service's request rate. Screenshots go to .crm/test-results/screenshots.
/// </summary>
[Collection(DashboardPlatformCollection.Name)]
public sealed class DashboardBrowserTests(DashboardPlatformFixture platform)
{
    private const string Caller = "ops-browser-test";

    [Fact]
    public async Task An_ops_user_finds_a_customer_created_through_the_gateway_in_traces_logs_and_metrics()
    {
        var (traceId, account) = await CreateCustomerThroughTheGatewayAsync();
        using var api = platform.CreateApiClient();
        await api.WaitForAsync($"/api/traces/{traceId}", t => HasSpansFromTheGatewayCustomersAndPostgres(t.GetProperty("spans")));
        await api.WaitForAsync($"/api/logs?traceId={traceId}&resource=customers", l =>
            l.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("message").GetString()!.Contains(account, StringComparison.Ordinal)));
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
                ["ACCOUNT"] = account,
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

    /// <summary>
    /// Signs in at the gateway and waits until it routes to the customers service (another test of the collection may
    /// have just restarted it), then creates an account through it under one span of the test process (which exports to
    /// the dashboard too): our gRPC client sends that span's trace context. Its HTTP request's span is exported as well,
    /// being the gateway's parent. Returns the trace id and the account's name.
    /// </summary>
    private async Task<(string TraceId, string Account)> CreateCustomerThroughTheGatewayAsync()
    {
        var session = await platform.App.CreateClient<Identity.Identity.IdentityClient>("gateway").SignInAsync(
            new Identity.SignInRequest { Email = DashboardPlatformFixture.AdminEmail, Password = platform.AdminPassword });
        var customers = platform.App.CreateClient<Customers.Customers.CustomersClient>("gateway");
        var headers = new Metadata { { "authorization", "Bearer " + session.AccessToken } };
        using var telemetry = new TestTelemetry(Caller, OtlpExportProtocol.HttpProtobuf, platform.Dashboard.OtlpHttpUrl, platform.ApiKey, GrpcTelemetry.Name, "System.Net.Http");
        using var caller = telemetry.Source.StartActivity("create a customer from the browser test", ActivityKind.Internal)!;
        var account = await CreateOnceRoutedAsync(customers, headers, new Customers.CreateAccountRequest
        {
            Account = new Customers.Account { Kind = Customers.AccountKind.Company, DisplayName = $"Ops Watch Co {Guid.NewGuid():N}" },
            RequestId = Guid.NewGuid().ToString(),
        });
        caller.Stop();
        telemetry.Flush();
        return (caller.TraceId.ToHexString(), account.Name);
    }

    /// <summary>
    /// Creates the account, retrying while the gateway answers UNAVAILABLE: a Customers restarted by an earlier test is
    /// taken back after its next health check (seconds), and a late failed check can take it out once more. The request
    /// id makes the retries one create.
    /// </summary>
    private static async Task<Customers.Account> CreateOnceRoutedAsync(
        Customers.Customers.CustomersClient customers, Metadata headers, Customers.CreateAccountRequest request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await customers.CreateAccountAsync(request, headers, cancellationToken: timeout.Token);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !timeout.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
        }
    }

    private static bool HasSpansFromTheGatewayCustomersAndPostgres(JsonElement spans)
    {
        var list = spans.EnumerateArray().ToList();
        return list.Any(s => s.GetProperty("service").GetString() == "gateway")
            && list.Any(s => s.GetProperty("service").GetString() == "customers"
                && s.GetProperty("attributes").TryGetProperty("db.system.name", out var system) && system.GetString() == "postgresql");
    }
}
