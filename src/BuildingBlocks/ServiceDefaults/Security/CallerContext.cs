using CrmPlatform.Grpc;

namespace CrmPlatform.ServiceDefaults.Security;

public static class CallerContext
{
    /// <summary>The authenticated caller of this call.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(Caller), out var caller)
            ? (Caller)caller
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "The call is not authenticated."));

    /// <summary>PERMISSION_DENIED unless the caller has one of <paramref name="roles"/>.</summary>
    public static Caller RequireRole(this ServerCallContext context, params string[] roles)
    {
        var caller = context.GetCaller();
        if (!roles.Any(caller.IsInRole))
        {
            throw new RpcException(new Status(
                StatusCode.PermissionDenied, $"This call needs one of the roles {string.Join(", ", roles)}."));
        }

        return caller;
    }
}
