using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>The 360° view, the phase history and the value-tier rules.</summary>
public sealed partial class CustomersService
{
    public override async Task<Proto.Customer360> GetCustomer360(Proto.GetCustomer360Request request, ServerCallContext context)
    {
        var (kind, id) = ResourceNames.ParseRecord(request.Account, "account");
        var view = await timeline.Customer360.GetAsync(
            context.GetCaller(), kind, id, Customer360Mapping.TimelineSize(request.TimelineSize), context.CancellationToken);
        return Customer360Mapping.ToProto(view);
    }

    public override async Task<Proto.ListPhaseChangesResponse> ListPhaseChanges(Proto.ListPhaseChangesRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Account, Account.ResourcePrefix, "account");
        var page = await timeline.Customer360.ListPhaseChangesAsync(
            context.GetCaller(), id, request.PageSize, request.PageToken, context.CancellationToken);
        return new Proto.ListPhaseChangesResponse
        {
            Changes = { page.Items.Select(Customer360Mapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task<Proto.ValueTierRules> GetValueTierRules(Proto.GetValueTierRulesRequest request, ServerCallContext context) =>
        Customer360Mapping.ToProto(await timeline.ValueTiers.GetAsync(context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.ValueTierRules> ReplaceValueTierRules(
        Proto.ReplaceValueTierRulesRequest request, ServerCallContext context)
    {
        var rules = Customer360Mapping.ToRules(request.Rules);
        return Customer360Mapping.ToProto(await timeline.ValueTiers.ReplaceAsync(context.GetCaller(), rules, context.CancellationToken));
    }
}
