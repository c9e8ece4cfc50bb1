using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace CrmPlatform.Grpc;

/// <summary>
/// The request delegate of one method: validates the request, runs the method-kind specific
/// part, and always ends the call with a status (trailers written last).
/// </summary>
internal abstract class ServerCallHandler(IMethod method, GrpcServerRuntime runtime)
{
    public IMethod Method { get; } = method;

    protected GrpcServerRuntime Runtime { get; } = runtime;

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!RequestValidation.TryGetMode(httpContext, out var mode, out var rejectStatus))
        {
            await RequestValidation.RejectAsync(httpContext, rejectStatus, Runtime).ConfigureAwait(false);
            return;
        }

        ConfigureRequestLimits(httpContext);
        var call = new HttpServerCallContext(httpContext, Method, Runtime, mode);
        var activity = GrpcTelemetry.StartServerActivity(Method, httpContext);
        var startTimestamp = GrpcTelemetry.ServerDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
        try
        {
            call.Initialize();
            await HandleCoreAsync(call).ConfigureAwait(false);
            await call.EndCallAsync(call.Status).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await call.ProcessErrorAsync(exception).ConfigureAwait(false);
        }
        finally
        {
            await call.ReleaseAsync().ConfigureAwait(false);
            var code = call.Status.StatusCode;
            if (activity is not null)
            {
                GrpcTelemetry.StopActivity(activity, code, isServer: true);
            }

            if (startTimestamp != 0)
            {
                GrpcTelemetry.RecordDuration(GrpcTelemetry.ServerDuration, Method, code, startTimestamp);
            }
        }
    }

    protected abstract Task HandleCoreAsync(HttpServerCallContext call);

    private void ConfigureRequestLimits(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (Method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming
            && httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }
}
