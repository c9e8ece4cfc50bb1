using CrmPlatform.ServiceDefaults.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    private static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// MassTransit on RabbitMQ (publisher confirms, durable queues, retries, then the endpoint's <c>_error</c> queue),
    /// the transactional outbox with its dispatcher, and the inbox table for <see cref="IdempotentConsumer{TMessage}"/>s.
    /// Needs <see cref="PostgresExtensions.AddPostgres{TBuilder}"/> for the outbox and inbox tables.
    /// </summary>
    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(MessagingSettings.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{MessagingSettings.ConnectionName}' is missing: set ConnectionStrings__{MessagingSettings.ConnectionName}.");
        var settings = new MessagingSettings(new Uri(connectionString));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(MigrationSource.FromAssembly("messaging", typeof(MessagingExtensions).Assembly));
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<DeadLetterQueues>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            addConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.BrokerUri, host =>
                {
                    var credentials = settings.BrokerUri.UserInfo.Split(':', 2);
                    host.Username(Uri.UnescapeDataString(credentials[0]));
                    host.Password(credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
                rabbit.ConfigureEndpoints(context);
            });
        });

        // The bus starts (queues bound) before the dispatcher publishes anything.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }

}
