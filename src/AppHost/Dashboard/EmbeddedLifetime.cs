using Microsoft.Extensions.Hosting;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>
/// Replaces the console lifetime: the dashboard lives inside the AppHost (or a test), which owns Ctrl-C and SIGTERM;
/// a console lifetime would take SIGTERM for itself and stop only the dashboard.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
