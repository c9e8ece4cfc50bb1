using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>De-duplication: the duplicate groups of the last scan, and merges of accounts and contacts.</summary>
public sealed partial class CustomersService
{
    public override async Task<Proto.ListDuplicateGroupsResponse> ListDuplicateGroups(
        Proto.ListDuplicateGroupsRequest request, ServerCallContext context)
    {
        var kind = CustomFieldMapping.RecordKindOf(request.RecordType, "record_type");
        var page = await mergeAndImport.Scans.ListAsync(
            context.GetCaller(), kind, request.RunScanNow, request.PageSize, request.PageToken, context.CancellationToken);
        return DuplicateGroupMapping.ToProto(page);
    }

    public override async Task<Proto.Account> MergeAccounts(Proto.MergeAccountsRequest request, ServerCallContext context)
    {
        var merge = MergeMapping.ToRequest(RecordKind.Account, request.Survivor, request.Merged, request.FieldSources, request.Etag);
        return AccountMapping.ToProto(await mergeAndImport.Merges.MergeAccountsAsync(context.GetCaller(), merge, context.CancellationToken));
    }

    public override async Task<Proto.Contact> MergeContacts(Proto.MergeContactsRequest request, ServerCallContext context)
    {
        var merge = MergeMapping.ToRequest(RecordKind.Contact, request.Survivor, request.Merged, request.FieldSources, request.Etag);
        return ContactMapping.ToProto(await mergeAndImport.Merges.MergeContactsAsync(context.GetCaller(), merge, context.CancellationToken));
    }
}
