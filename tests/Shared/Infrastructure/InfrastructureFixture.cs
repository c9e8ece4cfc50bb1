using CrmPlatform.Hosting;

namespace CrmPlatform.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL cluster and one private RabbitMQ node for a whole test assembly, started in parallel
/// and removed (processes and data) when the assembly's tests are done.
/// Use it with <c>[Collection(InfrastructureCollection.Name)]</c> and take it in the test class constructor.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private RabbitMqServer? _rabbitMq;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public RabbitMqServer RabbitMq => _rabbitMq ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        catch
        {
            await DisposeStartedAsync(postgres);
            await DisposeStartedAsync(rabbitMq);
            throw;
        }

        _postgres = postgres.Result;
        _rabbitMq = rabbitMq.Result;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            _postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            _rabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask);
    }

    private static async Task DisposeStartedAsync<T>(Task<T> start)
        where T : IAsyncDisposable
    {
        if (start.IsCompletedSuccessfully)
        {
            await start.Result.DisposeAsync();
        }
    }
}
