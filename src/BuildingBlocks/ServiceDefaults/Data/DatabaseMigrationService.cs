using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Data;

/// <summary>Migrates the schema in the host's Starting phase, so no request is served against an old schema.</summary>
internal sealed class DatabaseMigrationService(SqlMigrator migrator, IEnumerable<MigrationSource> sources) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await migrator.ApplyAsync(source.Name, source.Migrations, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
