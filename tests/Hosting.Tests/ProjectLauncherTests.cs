using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using CrmPlatform.Tests.Shared;

namespace CrmPlatform.Hosting.Tests;

public sealed class ProjectLauncherTests
{
    private static readonly string Configuration = typeof(ProjectLauncherTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
    private static readonly string SalesDirectory = Path.Combine(Hosting.RepositoryRoot.Find(), "src", "Sales");
    private static readonly string ProbeDirectory = Path.Combine(Hosting.RepositoryRoot.Find(), "tests", "Hosting.Probe");
    private const string SalesPidPrefix = "sales-pid=";

    [Fact]
    public async Task A_built_project_runs_from_its_dll_answers_health_and_stops_without_leftovers()
    {
        var port = FreePorts.Pick(1)[0];
        await using var sales = DotnetProject.Start(Sales(port, Configuration));

        await DotnetProject.WaitUntilHealthyAsync(sales, new Uri($"http://127.0.0.1:{port}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
        var processIds = sales.ProcessIds;
        var tree = new StartedTree(processIds);
        Assert.True(tree.ListensOn(port));
        var commandLine = await File.ReadAllTextAsync($"/proc/{sales.Id}/cmdline");
        await sales.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Contains($"src/Sales/bin/{Configuration}/net10.0/CrmPlatform.Sales.dll", commandLine, StringComparison.Ordinal);
        Assert.Equal(0, await sales.Exited);
        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        Assert.False(tree.ListensOn(port));
    }

    [Fact]
    public void A_project_that_was_not_built_is_reported_with_the_command_that_builds_it()
    {
        var failure = Assert.Throws<ProjectNotBuiltException>(() => DotnetProject.Start(Sales(FreePorts.Pick(1)[0], "NeverBuilt")));

        Assert.Contains("dotnet build", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("NeverBuilt/net10.0/CrmPlatform.Sales.dll", failure.AssemblyPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_whose_port_is_taken_fails_its_health_wait_as_address_in_use()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var sales = DotnetProject.Start(Sales(port, Configuration));

        var failure = await Assert.ThrowsAsync<ServerStartException>(() =>
            DotnetProject.WaitUntilHealthyAsync(sales, new Uri($"http://127.0.0.1:{port}/health"), TimeSpan.FromSeconds(60), CancellationToken.None));

        Assert.True(failure.AddressInUse, failure.Message);
    }

    [Fact]
    public async Task A_started_project_dies_with_the_harness_that_started_it_when_the_harness_gets_sigterm()
    {
        var port = FreePorts.Pick(1)[0];
        var salesPid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = DotnetProject.Start(new ProjectStartInfo("harness", ProbeDirectory, Configuration)
        {
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["PROBE_CONFIGURATION"] = Configuration,
                ["PROBE_SALES_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            },
            Output = line =>
            {
                if (line.Text.StartsWith(SalesPidPrefix, StringComparison.Ordinal))
                {
                    salesPid.TrySetResult(int.Parse(line.Text[SalesPidPrefix.Length..], CultureInfo.InvariantCulture));
                }
            },
        });
        var sales = await salesPid.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var tree = new StartedTree(harness.ProcessIds);
        Assert.True(tree.ListensOn(port));

        using (var kill = Process.Start("kill", ["-TERM", harness.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await harness.Exited.WaitAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ProcessState.IsRunning(sales) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(ProcessState.IsRunning(sales), "the service outlived the harness that started it");
        Assert.False(tree.ListensOn(port), "the harness or the service it started still listens");
    }

    private static ProjectStartInfo Sales(int port, string configuration) => new("sales", SalesDirectory, configuration)
    {
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = string.Empty,
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{port}",
        },
    };
}
