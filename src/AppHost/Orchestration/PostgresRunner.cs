using CrmPlatform.AppHost.Model;
using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Orchestration;

internal sealed class PostgresRunner(PostgresServerResource resource, OrchestrationContext context) : ResourceRunner(resource, context)
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException($"{Name} has not started.");

    public override string? ConnectionString => _server?.ConnectionString();

    public override IReadOnlyList<int> ProcessIds => _server?.ProcessIds ?? [];

    public override string Address => _server is null ? string.Empty : $"127.0.0.1:{_server.Port}";

    protected override async Task StartCoreAsync(CancellationToken cancellationToken) =>
        _server = await PostgresServer.StartAsync(
            new PostgresServerOptions { DataDirectory = Context.DataDirectoryOf(Resource), Output = Log.Add },
            cancellationToken);

    protected override Task StopCoreAsync(CancellationToken cancellationToken) =>
        _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
