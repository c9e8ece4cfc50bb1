using CrmPlatform.AppHost.Bench;

// Starts the platform as src/AppHost/Program.cs defines it, from the services built in this benchmark's configuration.
var dataDirectory = Path.Combine(Directory.GetCurrentDirectory(), ".crm", "bench", "apphost");
Directory.CreateDirectory(dataDirectory);

// Untimed: initialises the data directories and warms the disk cache, as a developer's earlier runs would have.
await StartupBenchmark.StartAndStopAsync(dataDirectory);

var result = await StartupBenchmark.MeasureAsync(dataDirectory, idle: TimeSpan.FromSeconds(5));
foreach (var line in result.Report())
{
    Console.WriteLine(line);
}
