using CrmPlatform.Customers.Domain;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Grpc;

/// <summary>Contact management: interactions, follow-ups, the contact policy, and contact deletion.</summary>
public sealed partial class CustomersService
{
    public override async Task<Empty> DeleteContact(Proto.DeleteContactRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Contact.ResourcePrefix, "name");
        await contacts.DeleteAsync(context.GetCaller(), id, request.Etag, context.CancellationToken);
        return new Empty();
    }

    public override async Task<Proto.Interaction> RecordInteraction(Proto.RecordInteractionRequest request, ServerCallContext context)
    {
        var input = InteractionMapping.ToNew(request.Interaction);
        var recorded = await timeline.Interactions.RecordAsync(
            context.GetCaller(), input, ResourceNames.RequestId(request.RequestId), context.CancellationToken);
        return InteractionMapping.ToProto(recorded);
    }

    public override async Task<Proto.Interaction> GetInteraction(Proto.GetInteractionRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Name, Interaction.ResourcePrefix, "name");
        return InteractionMapping.ToProto(await timeline.Interactions.GetAsync(context.GetCaller(), id, context.CancellationToken));
    }

    public override async Task<Proto.Interaction> UpdateInteraction(Proto.UpdateInteractionRequest request, ServerCallContext context)
    {
        var id = ResourceNames.Parse(request.Interaction?.Name, Interaction.ResourcePrefix, "interaction.name");
        var change = InteractionMapping.ToChange(request);
        var updated = await timeline.Interactions.UpdateAsync(context.GetCaller(), id, request.Interaction!.Etag, change, context.CancellationToken);
        return InteractionMapping.ToProto(updated);
    }

    public override async Task<Proto.ListInteractionsResponse> ListInteractions(Proto.ListInteractionsRequest request, ServerCallContext context)
    {
        var page = await timeline.Interactions.ListAsync(
            context.GetCaller(), InteractionMapping.ToFilters(request), request.PageSize, request.PageToken, context.CancellationToken);
        return new Proto.ListInteractionsResponse
        {
            Interactions = { page.Items.Select(InteractionMapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task<Proto.ListFollowUpsResponse> ListFollowUps(Proto.ListFollowUpsRequest request, ServerCallContext context)
    {
        var page = await timeline.Interactions.ListFollowUpsAsync(context.GetCaller(),
            Fields.Owner(request.OwnerUserId, "owner_user_id"), InteractionMapping.Time(request.DueBefore, "due_before"),
            request.PageSize, request.PageToken, context.CancellationToken);
        return new Proto.ListFollowUpsResponse
        {
            Interactions = { page.Items.Select(InteractionMapping.ToProto) },
            NextPageToken = page.NextPageToken ?? "",
        };
    }

    public override async Task<Proto.ContactPolicy> GetContactPolicy(Proto.GetContactPolicyRequest request, ServerCallContext context) =>
        Customer360Mapping.ToProto(await timeline.Interactions.GetPolicyAsync(context.GetCaller(), context.CancellationToken));

    public override async Task<Proto.ContactPolicy> UpdateContactPolicy(Proto.UpdateContactPolicyRequest request, ServerCallContext context)
    {
        var change = Customer360Mapping.ToPolicyChange(request);
        return Customer360Mapping.ToProto(await timeline.Interactions.UpdatePolicyAsync(context.GetCaller(), change, context.CancellationToken));
    }
}
