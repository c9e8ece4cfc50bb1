using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;

namespace CrmPlatform.Customers.Grpc;

/// <summary>
/// The export RPCs: every record a list pages through for the same caller, filters and order, read in keyset pages of
/// the largest size from one snapshot (<see cref="ListSnapshot{T}"/>) and written to the response stream as each page
/// arrives. So an export is one consistent picture of the records as of its start, like pg_dump: a record changed meanwhile
/// is exported once, at its old place with its old values; one deleted meanwhile is still exported, one added is not.
/// The snapshot ends with the call, also when it fails or is cancelled.
/// </summary>
internal static class PagedExport
{
    /// <param name="beginAsync">Begins the snapshot of the list (the operations' BeginExportAsync).</param>
    public static async Task StreamAsync<TRecord, TMessage>(
        Func<CancellationToken, Task<ListSnapshot<TRecord>>> beginAsync, Func<TRecord, TMessage> toProto,
        IServerStreamWriter<TMessage> responseStream, CancellationToken cancellationToken)
        where TRecord : ISortable
    {
        await using var snapshot = await beginAsync(cancellationToken);
        string? token = null;
        do
        {
            var page = await snapshot.PageAsync(Paging.MaxPageSize, token, cancellationToken);
            foreach (var record in page.Items)
            {
                await responseStream.WriteAsync(toProto(record), cancellationToken);
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }
}
