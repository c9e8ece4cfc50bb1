using CrmPlatform.Hosting.Tests.Messaging;
using CrmPlatform.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmPlatform.Hosting.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class SharedInfrastructureTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Postgres_runs_queries_in_a_database_created_on_demand()
    {
        await infrastructure.Postgres.CreateDatabaseAsync("hosting_orders");
        await infrastructure.Postgres.CreateDatabaseAsync("hosting_orders");

        await using var connection = new NpgsqlConnection(infrastructure.Postgres.ConnectionString("hosting_orders"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE orders (id uuid PRIMARY KEY, total numeric NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand("INSERT INTO orders (id, total) VALUES ($1, $2)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = 129.95m });
            await insert.ExecuteNonQueryAsync();
        }

        await using var select = new NpgsqlCommand("SELECT total FROM orders WHERE id = $1", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = id });
        Assert.Equal(129.95m, await select.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MassTransit_publishes_and_consumes_over_the_private_node()
    {
        var received = new TaskCompletionSource<HostingPinged>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(received)
            .AddMassTransit(bus =>
            {
                bus.AddConsumer<HostingPingedConsumer>();
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(infrastructure.RabbitMq.AmqpUri);
                    rabbit.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider();
        var bus = services.GetRequiredService<IBusControl>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        try
        {
            var sent = new HostingPinged(Guid.CreateVersion7(), "hello");
            await bus.Publish(sent, timeout.Token);

            Assert.Equal(sent, await received.Task.WaitAsync(timeout.Token));
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
