using System.Collections.Concurrent;
using CrmPlatform.AppHost.Testing;
using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Hosting;
using CrmPlatform.Tests.Shared;

namespace CrmPlatform.AppHost.Tests;

/// <summary>The AppHost as <c>./crm.sh run</c> starts it: a real process, stopped by a signal.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task Sigterm_stops_the_services_before_the_infrastructure_and_leaves_no_process()
    {
        var options = AppHostOptions.Parse([]);
        var appHost = DotnetProject.OutputAssembly(Path.Combine(options.RepositoryRoot, "src", "AppHost"), options.Configuration);
        var lines = new ConcurrentQueue<string>();
        await using var process = ChildProcess.Start(new ChildProcessStartInfo(
            "apphost", "dotnet", [appHost, "--only", "customers", "--temporary-data", "--any-ports"])
        {
            WorkingDirectory = options.RepositoryRoot,
            Output = line => lines.Enqueue(line.Text),
        });
        await WaitForLineAsync(lines, process, "Press Ctrl-C to stop.");
        var processIds = process.ProcessIds;
        Assert.True(processIds.Count >= 5, $"expected the AppHost, customers, postgres and rabbitmq processes, got {processIds.Count}");

        await ChildProcess.RunAsync(new ChildProcessStartInfo("kill", "kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]), CancellationToken.None);
        var exitCode = await process.Exited.WaitAsync(TimeSpan.FromSeconds(30));
        await process.OutputDrainedAsync();

        Assert.Equal(0, exitCode);
        var output = lines.ToList();
        int IndexOf(string text) => output.FindIndex(line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(IndexOf("customers: stopped") >= 0, string.Join(Environment.NewLine, output));
        Assert.True(IndexOf("customers: stopped") < IndexOf("postgres: stopped"));
        Assert.True(IndexOf("customers: stopped") < IndexOf("messaging: stopped"));
        Assert.True(IndexOf("Everything stopped") >= 0);
        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
    }

    [Fact]
    public async Task Services_export_telemetry_only_when_an_otlp_endpoint_is_given()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "sales", "--otlp", "http://localhost:18890"]);
        await app.StartAsync();

        var environment = app.GetEnvironment("sales");

        Assert.Equal("http://localhost:18890", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    private static async Task WaitForLineAsync(ConcurrentQueue<string> lines, ChildProcess process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(process.HasExited, $"the AppHost exited early:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
