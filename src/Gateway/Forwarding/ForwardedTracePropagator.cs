using System.Diagnostics;

namespace CrmPlatform.Gateway.Forwarding;

/// <summary>
/// Lets HttpClient's diagnostics handler write the gateway's own span as <c>traceparent</c> on a forwarded request:
/// the copied incoming trace headers are removed first, so the service's span becomes a child of the gateway's.
/// </summary>
internal sealed class ForwardedTracePropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        if (carrier is HttpRequestMessage request)
        {
            foreach (var field in inner.Fields)
            {
                request.Headers.Remove(field);
            }
        }

        inner.Inject(activity, carrier, setter);
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);
}
