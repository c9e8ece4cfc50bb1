using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>Counts the messages MassTransit moved to an endpoint's <c>_error</c> queue after its retries ran out.</summary>
public sealed class DeadLetterQueues(MessagingSettings settings)
{
    public async Task<uint> CountAsync(string endpointName, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = settings.BrokerUri };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var queue = await channel.QueueDeclarePassiveAsync($"{endpointName}_error", cancellationToken);
            return queue.MessageCount;
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
