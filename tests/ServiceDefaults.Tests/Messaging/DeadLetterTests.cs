using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Tests.Messaging;

[Collection(InfrastructureCollection.Name)]
public sealed class DeadLetterTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_message_that_fails_every_retry_is_dead_lettered_and_counted()
    {
        var endpoint = "poison-" + Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:notes"] = await TestDatabase.CreateAsync(infrastructure);
        builder.Configuration["ConnectionStrings:messaging"] = infrastructure.RabbitMq.ConnectionString;
        builder.AddPostgres("notes", typeof(NoteAddedConsumer).Assembly);
        builder.AddMessaging(bus => bus.AddConsumer<PoisonNoteConsumer>().Endpoint(e => e.Name = endpoint));
        using var host = builder.Build();
        await host.StartAsync();
        var deadLetters = host.Services.GetRequiredService<DeadLetterQueues>();

        Assert.Equal(0u, await deadLetters.CountAsync(endpoint, CancellationToken.None));
        await host.Services.GetRequiredService<IBus>().Publish(new PoisonNote(Guid.CreateVersion7()));

        var deadline = DateTime.UtcNow.AddSeconds(45);
        uint count;
        while ((count = await deadLetters.CountAsync(endpoint, CancellationToken.None)) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(1u, count);
        await host.StopAsync();
    }
}
