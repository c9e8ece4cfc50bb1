using System.Globalization;
using CrmPlatform.Hosting;

// A harness in its own process, so a test can signal it: starts the Sales service (built in configuration
// PROBE_CONFIGURATION) on port PROBE_SALES_PORT, prints "sales-pid=<pid>" once it is healthy, then waits to be stopped.
var configuration = Environment.GetEnvironmentVariable("PROBE_CONFIGURATION")!;
var port = int.Parse(Environment.GetEnvironmentVariable("PROBE_SALES_PORT")!, CultureInfo.InvariantCulture);
var sales = DotnetProject.Start(new ProjectStartInfo("sales", Path.Combine(RepositoryRoot.Find(), "src", "Sales"), configuration)
{
    EnvironmentVariables = new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = string.Empty,
        ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{port}",
    },
});
await DotnetProject.WaitUntilHealthyAsync(sales, new Uri($"http://127.0.0.1:{port}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
Console.WriteLine($"sales-pid={sales.Id}");
await Task.Delay(Timeout.Infinite);
