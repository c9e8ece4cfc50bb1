using CrmPlatform.AppHost.Model;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>The environment a project gets, with Aspire's variable names so a real Aspire AppHost could drive the same binaries.</summary>
internal static class ProjectEnvironment
{
    public static Dictionary<string, string> For(ProjectResource project, IReadOnlyDictionary<string, int> ports, OrchestrationContext context)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",

            // The per-endpoint Kestrel configuration below replaces it; a value here would only earn an "overriding" warning.
            ["ASPNETCORE_URLS"] = string.Empty,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{context.RunId}",
        };

        foreach (var endpoint in project.Endpoints)
        {
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = Url(ports[endpoint.Name]).ToString();
            if (endpoint.Http2Only)
            {
                environment[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = "Http2";
            }
        }

        if (context.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

            // Aspire's development values: spans and logs within a second, metrics every second.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            if (context.OtlpHeaders is { } headers)
            {
                environment["OTEL_EXPORTER_OTLP_HEADERS"] = headers;
            }
        }

        foreach (var (resource, connectionName) in project.Connections)
        {
            environment[$"ConnectionStrings__{connectionName}"] = context.Runners[(Resource)resource].ConnectionString
                ?? throw new InvalidOperationException($"{resource.Name} has no connection string yet.");
        }

        foreach (var service in project.Services.Where(context.Runners.ContainsKey))
        {
            foreach (var (endpoint, url) in context.Runners[service].Urls)
            {
                environment[$"services__{service.Name}__{endpoint}__0"] = url.ToString().TrimEnd('/');
            }
        }

        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    public static Uri Url(int port) => new($"http://127.0.0.1:{port}");
}
