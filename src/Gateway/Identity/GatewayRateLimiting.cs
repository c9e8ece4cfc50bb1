using System.Globalization;
using System.Threading.RateLimiting;
using CrmPlatform.Grpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// One token bucket per user and per API key (after authentication), one per client IP for SignIn and for
/// RefreshSession/SignOut. Over the limit: RESOURCE_EXHAUSTED (gRPC, trailers-only) or 429 (plain HTTP), both with
/// <c>retry-after</c> in seconds.
/// </summary>
internal static class GatewayRateLimiting
{
    public static void Configure(RateLimiterOptions options, GatewayRateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
        options.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, GatewayRateLimitOptions limits)
    {
        if (context.Features.Get<AuthenticatedCaller>() is { } caller)
        {
            var limit = caller.IsApiKey ? limits.ApiKey : limits.User;
            return RateLimitPartition.GetTokenBucketLimiter(caller.RateLimitPartition, _ => limit.ToLimiterOptions());
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (AnonymousRequests.IsSignIn(context.Request))
        {
            return RateLimitPartition.GetTokenBucketLimiter($"sign-in:{client}", _ => limits.SignIn.ToLimiterOptions());
        }

        if (AnonymousRequests.IsSessionRenewal(context.Request))
        {
            return RateLimitPartition.GetTokenBucketLimiter($"session:{client}", _ => limits.Session.ToLimiterOptions());
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static async Task RejectAsync(OnRejectedContext rejected)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var retry = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests: the rate limit was reached. Retry after {retry} s.";
        if (context.Request.IsGrpcRequest())
        {
            await context.WriteGrpcStatusAsync(new Status(StatusCode.ResourceExhausted, message), new Metadata { { "retry-after", retry } });
            return;
        }

        context.Response.Headers[HeaderNames.RetryAfter] = retry;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
