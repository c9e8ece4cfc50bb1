using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using IdentityApi = CrmPlatform.Contracts.Identity.V1.Identity;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// What the gateway answers without a token: plain GET/HEAD requests (health, the web app's files), gRPC health and
/// reflection, the Identity methods that start or end a session, and endpoints marked <see cref="IAllowAnonymous"/>
/// (routes whose <c>AuthorizationPolicy</c> is <c>Anonymous</c>). Everything else (every other forwarded call, any
/// other method) needs a bearer token or an API key.
/// </summary>
internal static class AnonymousRequests
{
    public static readonly string SignIn = $"/{IdentityApi.Descriptor.FullName}/SignIn";

    private static readonly string[] SessionMethods =
        [$"/{IdentityApi.Descriptor.FullName}/RefreshSession", $"/{IdentityApi.Descriptor.FullName}/SignOut"];

    private static readonly string[] OpenServices =
        ["/grpc.health.v1.Health/", "/grpc.reflection.v1.ServerReflection/", "/grpc.reflection.v1alpha.ServerReflection/"];

    public static bool IsAnonymous(HttpRequest request)
    {
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        if (!request.IsGrpcRequest())
        {
            return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        }

        var path = request.Path.Value ?? string.Empty;
        return IsSignIn(request) || IsSessionRenewal(request) || OpenServices.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static bool IsSignIn(HttpRequest request) => request.Path.Value == SignIn && request.IsGrpcRequest();

    /// <summary>RefreshSession and SignOut: the refresh token in the request is the credential.</summary>
    public static bool IsSessionRenewal(HttpRequest request) => SessionMethods.Contains(request.Path.Value) && request.IsGrpcRequest();
}
