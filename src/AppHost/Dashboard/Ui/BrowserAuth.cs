using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.AppHost.Dashboard.Ui;

/// <summary>
/// As Aspire's dashboard does: the URL printed at start carries a one-time token; opening it sets a cookie
/// and later requests need that cookie.
/// </summary>
internal static class BrowserAuth
{
    public const string CookieName = "crm-dashboard";

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<DashboardOptions>();
        if (options.BrowserToken is not { } token || IsOtlp(context) || HasCookie(context, token))
        {
            await next(context);
            return;
        }

        if (context.Request.Path == "/login" && Matches(context.Request.Query["t"], token))
        {
            context.Response.Cookies.Append(CookieName, CookieValue(token), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            context.Response.Redirect("/");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Open the dashboard with the login URL ./crm.sh run printed (it carries a one-time token).", context.RequestAborted);
    }

    private static bool IsOtlp(HttpContext context) =>
        context.Connection.LocalPort != context.RequestServices.GetRequiredService<DashboardPorts>().Ui;

    private static bool HasCookie(HttpContext context, string token) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && Matches(value, CookieValue(token));

    /// <summary>The cookie carries a hash of the token, so the token itself never sits in the browser's cookie jar.</summary>
    private static string CookieValue(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("crm-dashboard:" + token)));

    private static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
