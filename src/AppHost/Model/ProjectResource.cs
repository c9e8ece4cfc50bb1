namespace CrmPlatform.AppHost.Model;

/// <summary>
/// A .NET project of this repository, started from its built output with two endpoints: <c>http</c>
/// (HTTP/1.1, <c>/health</c>) and <c>grpc</c> (HTTP/2 only, h2c).
/// </summary>
public sealed class ProjectResource : Resource
{
    public const string HttpEndpoint = "http";
    public const string GrpcEndpoint = "grpc";

    private readonly Dictionary<string, EndpointDefinition> _endpoints = new(StringComparer.Ordinal)
    {
        [HttpEndpoint] = new(HttpEndpoint, null, Http2Only: false),
        [GrpcEndpoint] = new(GrpcEndpoint, null, Http2Only: true),
    };

    private readonly List<ConnectionReference> _connections = [];
    private readonly List<ProjectResource> _services = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    internal ProjectResource(string name, string projectPath)
        : base(name)
    {
        ProjectPath = projectPath;
    }

    public override string Kind => "project";

    /// <summary>The project folder, relative to the repository root, e.g. "src/Customers".</summary>
    public string ProjectPath { get; }

    public IReadOnlyCollection<EndpointDefinition> Endpoints => _endpoints.Values;

    /// <summary>Resources passed as <c>ConnectionStrings__&lt;connection name&gt;</c>.</summary>
    public IReadOnlyList<ConnectionReference> Connections => _connections;

    /// <summary>Projects passed as <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>.</summary>
    public IReadOnlyList<ProjectResource> Services => _services;

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public override IEnumerable<Resource> Needs => base.Needs.Concat(_connections.Select(c => (Resource)c.Resource)).Distinct();

    /// <summary>Passes the resource's connection string as <c>ConnectionStrings__&lt;connectionName&gt;</c> (default: the resource's name).</summary>
    public ProjectResource WithReference(IResourceWithConnectionString resource, string? connectionName = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _connections.Add(new ConnectionReference(resource, connectionName ?? resource.Name));
        return this;
    }

    public ProjectResource WithReference(ProjectResource service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _services.Add(service);
        return this;
    }

    /// <summary>Prefers <paramref name="port"/> for the HTTP/1.1 endpoint (a free port when it is taken).</summary>
    public ProjectResource WithHttpEndpoint(int port) => WithEndpoint(HttpEndpoint, port);

    /// <summary>Prefers <paramref name="port"/> for the h2c gRPC endpoint (a free port when it is taken).</summary>
    public ProjectResource WithGrpcEndpoint(int port) => WithEndpoint(GrpcEndpoint, port);

    /// <summary>Passes the token settings as <c>Auth__Issuer</c>, <c>Auth__Audience</c> and <c>Auth__SigningKey</c>.</summary>
    public ProjectResource WithCallerTokens(CallerTokenSettings tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return WithEnvironment("Auth__Issuer", tokens.Issuer)
            .WithEnvironment("Auth__Audience", tokens.Audience)
            .WithEnvironment("Auth__SigningKey", tokens.SigningKey);
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    private ProjectResource WithEndpoint(string name, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        _endpoints[name] = _endpoints[name] with { Port = port };
        return this;
    }
}
