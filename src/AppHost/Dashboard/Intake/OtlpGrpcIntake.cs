using CrmPlatform.Grpc;
using LogsCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Logs;
using MetricsCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Metrics;
using TraceCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Trace;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>OTLP/gRPC <c>TraceService/Export</c>.</summary>
internal sealed class OtlpTraceIntake(OtlpConverter converter, ApiKeyCheck apiKey) : TraceCollector.TraceService.TraceServiceBase
{
    public override Task<TraceCollector.ExportTraceServiceResponse> Export(TraceCollector.ExportTraceServiceRequest request, ServerCallContext context)
    {
        GrpcApiKey.Demand(apiKey, context);
        converter.AddSpans(request.ResourceSpans);
        return Task.FromResult(new TraceCollector.ExportTraceServiceResponse());
    }
}

/// <summary>OTLP/gRPC <c>LogsService/Export</c>.</summary>
internal sealed class OtlpLogsIntake(OtlpConverter converter, ApiKeyCheck apiKey) : LogsCollector.LogsService.LogsServiceBase
{
    public override Task<LogsCollector.ExportLogsServiceResponse> Export(LogsCollector.ExportLogsServiceRequest request, ServerCallContext context)
    {
        GrpcApiKey.Demand(apiKey, context);
        converter.AddLogs(request.ResourceLogs);
        return Task.FromResult(new LogsCollector.ExportLogsServiceResponse());
    }
}

/// <summary>OTLP/gRPC <c>MetricsService/Export</c>.</summary>
internal sealed class OtlpMetricsIntake(OtlpConverter converter, ApiKeyCheck apiKey) : MetricsCollector.MetricsService.MetricsServiceBase
{
    public override Task<MetricsCollector.ExportMetricsServiceResponse> Export(MetricsCollector.ExportMetricsServiceRequest request, ServerCallContext context)
    {
        GrpcApiKey.Demand(apiKey, context);
        converter.AddMetrics(request.ResourceMetrics);
        return Task.FromResult(new MetricsCollector.ExportMetricsServiceResponse());
    }
}

internal static class GrpcApiKey
{
    public static void Demand(ApiKeyCheck apiKey, ServerCallContext context)
    {
        if (!apiKey.Allows(context.RequestHeaders.GetValue(DashboardOptions.ApiKeyHeader)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"missing or wrong {DashboardOptions.ApiKeyHeader}"));
        }
    }
}
