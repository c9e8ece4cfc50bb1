using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Authenticates every request that is not anonymous (<see cref="AnonymousRequests"/>). <c>x-api-key</c>: the key is
/// checked and replaced, for what the gateway forwards, by <c>authorization: Bearer</c> with a caller token minted for
/// the key. <c>authorization: Bearer</c>: the caller token is validated here, so expired or foreign tokens stop at the
/// edge. Neither: UNAUTHENTICATED (gRPC, trailers-only) or 401 (plain HTTP).
/// </summary>
internal sealed class GatewayAuthenticationMiddleware(RequestDelegate next, CallerTokens callerTokens, ApiKeyAuthenticator apiKeys)
{
    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (AnonymousRequests.IsAnonymous(context.Request))
        {
            await next(context);
            return;
        }

        var (caller, error) = await AuthenticateAsync(context);
        if (caller is null)
        {
            await RejectAsync(context, error!);
            return;
        }

        context.Features.Set(caller);
        await next(context);
    }

    private async Task<(AuthenticatedCaller? Caller, string? Error)> AuthenticateAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.TryGetValue(ApiKeyHeader, out var apiKey))
        {
            var result = await apiKeys.AuthenticateAsync(apiKey.ToString(), context.RequestAborted);
            if (result.Caller is null)
            {
                return (null, result.Error);
            }

            headers.Remove(ApiKeyHeader);
            headers.Authorization = BearerPrefix + result.Token;
            return (new AuthenticatedCaller(result.Caller, $"api-key:{result.KeyId}", IsApiKey: true), null);
        }

        var authorization = headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "A bearer token (authorization: Bearer <token>) or an API key (x-api-key) is required.");
        }

        var (caller, error) = await callerTokens.ValidateAsync(authorization[BearerPrefix.Length..].Trim());
        return caller is null ? (null, error) : (new AuthenticatedCaller(caller, $"user:{caller.UserId}", IsApiKey: false), null);
    }

    private static async Task RejectAsync(HttpContext context, string error)
    {
        if (context.Request.IsGrpcRequest())
        {
            await context.WriteGrpcStatusAsync(new Status(StatusCode.Unauthenticated, error));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(error, context.RequestAborted);
    }
}
