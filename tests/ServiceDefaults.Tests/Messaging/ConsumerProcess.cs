using CrmPlatform.Hosting;
using CrmPlatform.Tests.Infrastructure;

namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

/// <summary>tests/Messaging.Probe running as its own process: the consumer a test can SIGKILL.</summary>
internal static class ConsumerProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts the consumer and waits until its queue is bound (its /health is ready).</summary>
    public static async Task<ChildProcess> StartAsync(InfrastructureFixture infrastructure, string connectionString, string endpoint)
    {
        var port = FreePorts.Pick(1)[0];
        var process = DotnetProject.Start(new ProjectStartInfo("consumer", ProbeDirectory(), BuildConfiguration())
        {
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["ConnectionStrings__notes"] = connectionString,
                ["ConnectionStrings__messaging"] = infrastructure.RabbitMq.ConnectionString,
                ["Endpoint"] = endpoint,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            },
        });
        await DotnetProject.WaitUntilHealthyAsync(process, new Uri($"http://127.0.0.1:{port}/health"), StartTimeout, CancellationToken.None);
        return process;
    }

    private static string ProbeDirectory() => Path.Combine(RepositoryRoot.Find(), "tests", "Messaging.Probe");

    /// <summary>Debug or Release: whatever this test assembly was built as (…/bin/&lt;configuration&gt;/net10.0/).</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
