using CrmPlatform.Grpc;

namespace CrmPlatform.Gateway.Identity;

/// <summary>The statuses the identity API answers with.</summary>
internal static class IdentityErrors
{
    /// <summary>One message for an unknown email, a wrong password, a disabled or a locked user.</summary>
    public const string SignInFailed =
        "Sign-in failed: the email or password is wrong, or the account is disabled or locked for a few minutes after repeated failures.";

    public const string SessionInvalid = "The refresh token is not valid: it was revoked, used already or has expired. Sign in again.";

    public static RpcException Unauthenticated(string message) => new(new Status(StatusCode.Unauthenticated, message));

    public static RpcException InvalidArgument(string field, string problem) => new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));

    public static RpcException NotFound(string name) => new(new Status(StatusCode.NotFound, $"{name} does not exist."));

    public static RpcException AlreadyExists(string message) => new(new Status(StatusCode.AlreadyExists, message));

    public static RpcException FailedPrecondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));
}
