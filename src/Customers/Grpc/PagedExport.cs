using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;

namespace CrmPlatform.Customers.Grpc;

/// <summary>
/// The export RPCs: every record a list pages through for the same caller, filters and order, read in pages of the
/// largest size and written to the response stream as each page arrives. Keyset pages neither repeat nor skip a record
/// inserted or deleted meanwhile.
/// </summary>
internal static class PagedExport
{
    /// <param name="listPageAsync">Lists one page: its size and the page token of the one before (null for the first).</param>
    public static async Task StreamAsync<TRecord, TMessage>(
        Func<int, string?, CancellationToken, Task<Page<TRecord>>> listPageAsync, Func<TRecord, TMessage> toProto,
        IServerStreamWriter<TMessage> responseStream, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await listPageAsync(Paging.MaxPageSize, token, cancellationToken);
            foreach (var record in page.Items)
            {
                await responseStream.WriteAsync(toProto(record), cancellationToken);
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }
}
