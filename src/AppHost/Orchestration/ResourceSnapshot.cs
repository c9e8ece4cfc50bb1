namespace CrmPlatform.AppHost.Orchestration;

/// <summary>What a resource looks like right now.</summary>
/// <param name="Name">The resource name, e.g. "customers".</param>
/// <param name="Kind">"postgres", "database", "rabbitmq" or "project".</param>
/// <param name="State">Its lifecycle state.</param>
/// <param name="Urls">Project endpoints by name ("http", "grpc").</param>
/// <param name="ConnectionString">What a reference passes as <c>ConnectionStrings__&lt;name&gt;</c>, once started.</param>
/// <param name="ProcessIds">Ids of its running processes.</param>
/// <param name="Restarts">How often it was restarted after a crash.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    IReadOnlyDictionary<string, Uri> Urls,
    string? ConnectionString,
    IReadOnlyList<int> ProcessIds,
    int Restarts);
