using CrmPlatform.Customers.Domain;
using Npgsql;

namespace CrmPlatform.Customers.Data;

/// <summary>
/// What recording an interaction looks up before it locks the account, in one round trip: the interaction that an earlier
/// call with the same request id recorded, and the contact the new one names, locked for reference.
/// </summary>
internal static class RecordingLookups
{
    public static async Task<(Interaction? Earlier, Contact? Contact)> ReadAsync(
        NpgsqlTransaction transaction, string tenantId, Guid? requestId, Guid? contactId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        if (requestId is { } id)
        {
            batch.BatchCommands.Add(InteractionRows.ByRequestId(tenantId, id));
        }

        if (contactId is { } contact)
        {
            batch.BatchCommands.Add(ContactRows.Find(tenantId, contact, RowLock.Reference));
        }

        if (batch.BatchCommands.Count == 0)
        {
            return (null, null);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var earlier = requestId is null ? null : await InteractionRows.ReadFoundAsync(reader, cancellationToken);
        if (contactId is null)
        {
            return (earlier, null);
        }

        if (requestId is not null)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        return (earlier, await ContactRows.ReadFoundAsync(reader, cancellationToken));
    }
}
