using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Gateway.Identity;

/// <summary>
/// Set on the request by <see cref="GatewayAuthenticationMiddleware"/>: who is calling, and the rate-limit partition
/// they count against (<c>user:&lt;id&gt;</c> or <c>api-key:&lt;id&gt;</c>).
/// </summary>
internal sealed record AuthenticatedCaller(Caller Caller, string RateLimitPartition, bool IsApiKey);
