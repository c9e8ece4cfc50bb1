using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using LogsCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Logs;
using MetricsCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Metrics;
using TraceCollector = CrmPlatform.AppHost.Dashboard.Otlp.Collector.Trace;

namespace CrmPlatform.AppHost.Dashboard.Intake;

/// <summary>OTLP/HTTP, protobuf or JSON bodies: <c>POST /v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>.</summary>
internal static class OtlpHttpIntake
{
    private const string Protobuf = "application/x-protobuf";
    private const string Json = "application/json";

    public static void MapOtlpHttp(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/traces", (HttpContext context) => ExportAsync(
            context, TraceCollector.ExportTraceServiceRequest.Parser, (c, r) => c.AddSpans(r.ResourceSpans), new TraceCollector.ExportTraceServiceResponse()));
        routes.MapPost("/v1/logs", (HttpContext context) => ExportAsync(
            context, LogsCollector.ExportLogsServiceRequest.Parser, (c, r) => c.AddLogs(r.ResourceLogs), new LogsCollector.ExportLogsServiceResponse()));
        routes.MapPost("/v1/metrics", (HttpContext context) => ExportAsync(
            context, MetricsCollector.ExportMetricsServiceRequest.Parser, (c, r) => c.AddMetrics(r.ResourceMetrics), new MetricsCollector.ExportMetricsServiceResponse()));
    }

    private static async Task ExportAsync<TRequest>(HttpContext context, MessageParser<TRequest> parser, Func<OtlpConverter, TRequest, int> store, IMessage response)
        where TRequest : IMessage<TRequest>, new()
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<DashboardLogger>().Logger;
        var limits = services.GetRequiredService<TelemetryLimits>();
        if (!services.GetRequiredService<ApiKeyCheck>().Allows(context.Request.Headers[DashboardOptions.ApiKeyHeader]))
        {
            DashboardLog.Rejected(logger, context.Request.Path, "missing or wrong API key");
            await WriteStatusAsync(context, StatusCodes.Status401Unauthorized, "missing or wrong x-otlp-api-key");
            return;
        }

        var mediaType = MediaType(context.Request.ContentType);
        if (mediaType is not (Protobuf or Json))
        {
            await WriteStatusAsync(context, StatusCodes.Status415UnsupportedMediaType, $"content-type must be {Protobuf} or {Json}");
            return;
        }

        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            DashboardLog.Rejected(logger, context.Request.Path, "body over the limit");
            await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge, $"body over {limits.MaxRequestBytes} bytes");
            return;
        }

        context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = limits.MaxRequestBytes;
        TRequest request;
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            request = mediaType == Json ? (TRequest)OtlpJson.Parse(bytes, new TRequest().Descriptor) : parser.ParseFrom(bytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            DashboardLog.Rejected(logger, context.Request.Path, "body over the limit");
            await WriteStatusAsync(context, StatusCodes.Status413PayloadTooLarge, $"body over {limits.MaxRequestBytes} bytes");
            return;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or System.Text.Json.JsonException or FormatException)
        {
            DashboardLog.Rejected(logger, context.Request.Path, "not an OTLP message");
            await WriteStatusAsync(context, StatusCodes.Status400BadRequest, $"body is not a valid OTLP message ({mediaType})");
            return;
        }

        store(services.GetRequiredService<OtlpConverter>(), request);
        context.Response.ContentType = mediaType;
        var answer = mediaType == Json ? System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(response)) : response.ToByteArray();
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant();

    private static async Task WriteStatusAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
