using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.ServiceDefaults.Tests.Security;

internal sealed class WhoAmIService : WhoAmI.WhoAmIBase
{
    public override Task<CallerReply> Get(Empty request, ServerCallContext context) => Task.FromResult(Reply(context.GetCaller()));

    public override Task<CallerReply> GetAsAdmin(Empty request, ServerCallContext context) =>
        Task.FromResult(Reply(context.RequireRole(Roles.Admin)));

    private static CallerReply Reply(Caller caller) =>
        new() { UserId = caller.UserId, TenantId = caller.TenantId, Roles = { caller.Roles.Order() } };
}
