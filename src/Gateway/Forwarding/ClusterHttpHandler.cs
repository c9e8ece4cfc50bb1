using System.Diagnostics;
using System.Net;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>The one HTTP/2 client of a cluster, set up as YARP sets up its forwarder clients.</summary>
internal static class ClusterHttpHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ActivityHeadersPropagator = new ForwardedTracePropagator(DistributedContextPropagator.Current),
    };
}
