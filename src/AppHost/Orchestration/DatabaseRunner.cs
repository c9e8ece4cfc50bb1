using CrmPlatform.AppHost.Model;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>Creates the database on its (running) server if it does not exist yet; stopping it is the server's job.</summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource resource, OrchestrationContext context) : ResourceRunner(resource, context)
{
    private PostgresRunner Server => Context.RunnerOf<PostgresRunner>(resource.Server);

    public override string? ConnectionString =>
        State is ResourceState.Running ? Server.Server.ConnectionString(resource.DatabaseName) : null;

    public override IReadOnlyList<int> ProcessIds => [];

    public override string Address => $"database {resource.DatabaseName} on {resource.Server.Name}";

    protected override Task StartCoreAsync(CancellationToken cancellationToken) =>
        Server.Server.CreateDatabaseAsync(resource.DatabaseName, cancellationToken);

    protected override Task StopCoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
