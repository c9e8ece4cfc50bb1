using System.Collections.Concurrent;

namespace CrmPlatform.Hosting.Tests;

public sealed class OutputCaptureTests
{
    [Fact]
    public async Task Postgres_console_lines_reach_the_output_callback()
    {
        var lines = new ConcurrentQueue<ServerOutputLine>();

        await using var server = await PostgresServer.StartAsync(new PostgresServerOptions { Output = lines.Enqueue });

        Assert.Contains(lines, l => l.Source == "initdb");
        Assert.Contains(lines, l => l.Source == "postgres" && l.Text.Contains("ready to accept connections", StringComparison.Ordinal));
    }
}
