using System.Reflection;
using CrmPlatform.Gateway.Forwarding;
using CrmPlatform.Gateway.Tests.Identity;
using CrmPlatform.Hosting;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>
/// The built gateway started the way the AppHost starts it: its own process on free ports (web endpoint <c>http</c>,
/// h2c endpoint <c>grpc</c>), configured by environment variables on top of its appsettings.json, with a database of
/// its own (<see cref="GatewayDatabases"/>) and the tests' caller-token settings.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(GatewayProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private readonly ChildProcess _process;

    private GatewayProcess(ChildProcess process, int webPort, int grpcPort)
    {
        _process = process;
        WebAddress = new Uri($"http://127.0.0.1:{webPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    /// <summary>The web endpoint (HTTP/1.1 and HTTP/2): health, gRPC-Web.</summary>
    public Uri WebAddress { get; }

    /// <summary>The integrator endpoint (h2c): gRPC.</summary>
    public Uri GrpcAddress { get; }

    public string RecentOutput => _process.RecentOutput;

    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var ports = FreePorts.Pick(2);
        var database = await GatewayDatabases.CreateAsync();
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = string.Empty,
            ["ConnectionStrings__gateway"] = database,
            ["Gateway__AdminPassword"] = Guid.NewGuid().ToString("N"),
            ["Auth__Issuer"] = GatewayServer.Auth.Issuer,
            ["Auth__Audience"] = GatewayServer.Auth.Audience,
            ["Auth__SigningKey"] = GatewayServer.Auth.SigningKey,
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{ports[0]}",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{ports[1]}",
        };
        var process = DotnetProject.Start(new ProjectStartInfo("gateway", Path.Combine(RepositoryRoot.Find(), "src", "Gateway"), Configuration)
        {
            EnvironmentVariables = environment,
        });
        try
        {
            await DotnetProject.WaitUntilHealthyAsync(process, new Uri($"http://127.0.0.1:{ports[0]}/health"), TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new GatewayProcess(process, ports[0], ports[1]);
    }

    /// <summary>
    /// Settings routing <paramref name="pathTemplate"/> to a cluster whose destinations are <c>services__{cluster}__grpc__N</c>,
    /// forwarding calls without authenticating them (the route's <c>AuthorizationPolicy</c> is <c>Anonymous</c>): these
    /// destinations are test services, and authentication has its own tests.
    /// </summary>
    public static Dictionary<string, string> RouteToService(string cluster, string pathTemplate, IReadOnlyList<Uri> instances)
    {
        var settings = new Dictionary<string, string>
        {
            [$"ReverseProxy__Routes__{cluster}__ClusterId"] = cluster,
            [$"ReverseProxy__Routes__{cluster}__Match__Path"] = pathTemplate,
            [$"ReverseProxy__Routes__{cluster}__AuthorizationPolicy"] = RouteConfig.AnonymousPolicy,
            [$"ReverseProxy__Clusters__{cluster}__Destinations__{cluster}__Address"] = $"http://_grpc.{cluster}",
        };
        for (var i = 0; i < instances.Count; i++)
        {
            settings[$"services__{cluster}__grpc__{i}"] = instances[i].ToString().TrimEnd('/');
        }

        return settings;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
