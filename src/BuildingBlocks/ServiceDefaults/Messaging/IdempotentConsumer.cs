using MassTransit;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effect happens at most once per message id: the id is recorded in <c>inbox_messages</c> in the
/// same transaction as the effect, so a redelivered or re-published message finds its id and does nothing.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(NpgsqlDataSource dataSource) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id.");
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO inbox_messages (message_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = messageId });
            record.Parameters.Add(new NpgsqlParameter { Value = GetType().FullName! });
            if (await record.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return;
            }
        }

        await HandleAsync(context, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message's effect inside <paramref name="transaction"/>; do not commit it.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, NpgsqlTransaction transaction);
}
