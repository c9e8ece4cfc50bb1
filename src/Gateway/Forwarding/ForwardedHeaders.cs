using System.Collections.Frozen;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Copies headers across the gateway as YARP does: everything except hop-by-hop headers and pseudo-headers, so
/// <c>authorization</c>, <c>grpc-timeout</c> and custom metadata pass untouched. <c>TE: trailers</c> is kept (gRPC
/// needs it); Host comes from the destination's address.
/// </summary>
internal static class ForwardedHeaders
{
    private const string Trailers = "trailers";

    private static readonly FrozenSet<string> HopByHop = new[]
    {
        HeaderNames.Connection,
        HeaderNames.TransferEncoding,
        HeaderNames.KeepAlive,
        HeaderNames.Upgrade,
        HeaderNames.ProxyConnection,
        HeaderNames.ProxyAuthenticate,
        "Proxy-Authentication-Info",
        HeaderNames.ProxyAuthorization,
        "Proxy-Features",
        "Proxy-Instruction",
        "Security-Scheme",
        "ALPN",
        "Close",
        "HTTP2-Settings",
        HeaderNames.UpgradeInsecureRequests,
        HeaderNames.TE,
        HeaderNames.AltSvc,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static void CopyRequestHeaders(IHeaderDictionary source, HttpRequestMessage target)
    {
        foreach (var (name, values) in source)
        {
            if (name.StartsWith(':') || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (HopByHop.Contains(name))
            {
                if (name.Equals(HeaderNames.TE, StringComparison.OrdinalIgnoreCase) && values.Contains(Trailers))
                {
                    target.Headers.TryAddWithoutValidation(HeaderNames.TE, Trailers);
                }

                continue;
            }

            var added = values.Count == 1
                ? target.Headers.TryAddWithoutValidation(name, values.ToString())
                : target.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            if (!added && target.Content is { } content)
            {
                _ = values.Count == 1
                    ? content.Headers.TryAddWithoutValidation(name, values.ToString())
                    : content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    public static void CopyResponseHeaders(HttpHeaders source, IHeaderDictionary target)
    {
        foreach (var (name, values) in source.NonValidated)
        {
            if (!HopByHop.Contains(name))
            {
                target[name] = values.Count == 1 ? values.ToString() : values.ToArray();
            }
        }
    }
}
