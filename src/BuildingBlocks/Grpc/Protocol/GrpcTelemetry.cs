using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Grpc;

/// <summary>
/// The ActivitySource and Meter "CrmPlatform.Grpc", following the OpenTelemetry rpc.* conventions.
/// Nothing is allocated when no listener is attached.
/// </summary>
public static class GrpcTelemetry
{
    public const string Name = "CrmPlatform.Grpc";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> ServerDuration =
        Meter.CreateHistogram<double>("rpc.server.duration", "ms", "Duration of inbound gRPC calls.");

    internal static readonly Histogram<double> ClientDuration =
        Meter.CreateHistogram<double>("rpc.client.duration", "ms", "Duration of outbound gRPC calls.");

    private static readonly object[] BoxedStatusCodes = CreateBoxedStatusCodes();

    internal static Activity? StartActivity(IMethod method, ActivityKind kind) =>
        Source.HasListeners() ? Tag(Source.StartActivity(method.FullName[1..], kind), method) : null;

    /// <summary>
    /// A server span, child of the current (ASP.NET Core hosting) activity; when nobody listens to the hosting
    /// activity, the parent comes from the request's W3C trace context headers instead.
    /// </summary>
    internal static Activity? StartServerActivity(IMethod method, HttpContext httpContext)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        if (Activity.Current is not null)
        {
            return Tag(Source.StartActivity(method.FullName[1..], ActivityKind.Server), method);
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(
            httpContext.Request.Headers,
            static (carrier, name, out value, out values) =>
            {
                values = null;
                value = ((IHeaderDictionary)carrier!)[name].ToString();
            },
            out var traceParent,
            out var traceState);
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        return Tag(Source.StartActivity(method.FullName[1..], ActivityKind.Server, parent), method);
    }

    private static Activity? Tag(Activity? activity, IMethod method)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.ServiceName);
            activity.SetTag("rpc.method", method.Name);
        }

        return activity;
    }

    internal static void StopActivity(Activity activity, StatusCode code, bool isServer)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("rpc.grpc.status_code", Box(code));
            if (IsError(code, isServer))
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        activity.Dispose();
    }

    internal static void RecordDuration(Histogram<double> histogram, IMethod method, StatusCode code, long startTimestamp)
    {
        var tags = new TagList
        {
            { "rpc.system", "grpc" },
            { "rpc.service", method.ServiceName },
            { "rpc.method", method.Name },
            { "rpc.grpc.status_code", Box(code) },
        };
        histogram.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
    }

    private static bool IsError(StatusCode code, bool isServer) =>
        isServer
            ? code is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss
            : code != StatusCode.OK;

    private static object Box(StatusCode code) => (uint)code < (uint)BoxedStatusCodes.Length ? BoxedStatusCodes[(int)code] : (int)code;

    private static object[] CreateBoxedStatusCodes()
    {
        var boxed = new object[17];
        for (var i = 0; i < boxed.Length; i++)
        {
            boxed[i] = i;
        }

        return boxed;
    }
}
