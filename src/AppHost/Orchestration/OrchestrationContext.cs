using CrmPlatform.AppHost.Model;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Orchestration;

/// <summary>What every runner of one application shares: options, logger, the run's id and the other runners.</summary>
internal sealed class OrchestrationContext(AppHostOptions options, ILogger logger)
{
    public AppHostOptions Options { get; } = options;

    public ILogger Logger { get; } = logger;

    /// <summary>Distinguishes this run's instances in <c>service.instance.id</c>.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    public Dictionary<Resource, ResourceRunner> Runners { get; } = [];

    /// <summary>Where services export telemetry: <c>--otlp</c>, else the AppHost's dashboard once it runs.</summary>
    public Uri? OtlpEndpoint { get; set; } = options.OtlpEndpoint;

    /// <summary><c>OTEL_EXPORTER_OTLP_HEADERS</c> for services, e.g. the dashboard's API key.</summary>
    public string? OtlpHeaders { get; set; }

    public T RunnerOf<T>(Resource resource)
        where T : ResourceRunner => (T)Runners[resource];

    /// <summary>The persistent data directory of a server resource, or null for temporary data.</summary>
    public string? DataDirectoryOf(Resource resource) =>
        Options.DataDirectory is { } root ? Path.Combine(root, resource.Name) : null;
}
