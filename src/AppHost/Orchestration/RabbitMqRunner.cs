using CrmPlatform.AppHost.Model;
using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Orchestration;

internal sealed class RabbitMqRunner(RabbitMqServerResource resource, OrchestrationContext context) : ResourceRunner(resource, context)
{
    private RabbitMqServer? _server;

    public override string? ConnectionString => _server?.ConnectionString;

    public override IReadOnlyList<int> ProcessIds => _server?.ProcessIds ?? [];

    public override string Address => _server is null ? string.Empty : $"amqp://127.0.0.1:{_server.Port}";

    protected override async Task StartCoreAsync(CancellationToken cancellationToken) =>
        _server = await RabbitMqServer.StartAsync(
            new RabbitMqServerOptions { DataDirectory = Context.DataDirectoryOf(Resource), Output = Log.Add },
            cancellationToken);

    protected override Task StopCoreAsync(CancellationToken cancellationToken) =>
        _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
