using System.Globalization;
using System.Reflection;
using CrmPlatform.AppHost.Demo;

namespace CrmPlatform.AppHost;

/// <summary>How the AppHost runs, from its command line (see <see cref="Usage"/>).</summary>
public sealed record AppHostOptions
{
    public const string Usage = """
        usage: dotnet run --project src/AppHost -- [options]
          --fresh                    wipe the PostgreSQL and RabbitMQ data before starting
          --data-dir DIR             where server data lives (default: <repo>/.crm/data)
          --temporary-data           keep server data in temporary directories, deleted on stop
          --configuration, -c NAME   run the services built in Debug or Release (default: the AppHost's own)
          --only NAME[,NAME...]      start only these resources and what they depend on
          --port NAME:ENDPOINT=PORT  prefer PORT for a project endpoint, e.g. gateway:http=9080
          --any-ports                ignore preferred ports; every endpoint gets a free port
          --otlp URL                 export services' telemetry to this OTLP/HTTP endpoint (or env CRM_OTLP_ENDPOINT)
          --logs                     echo every service's console output
          --demo                     once everything runs, load the demo data set into Customers (idempotent)
          --demo-size N              generated demo accounts after the 40 curated ones (default 5000, at most 30000)
          --root DIR                 the repository root (default: found from the current directory)
        """;

    public required string RepositoryRoot { get; init; }

    /// <summary>Null: temporary server data, deleted on stop.</summary>
    public string? DataDirectory { get; init; }

    public bool Fresh { get; init; }

    public required string Configuration { get; init; }

    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>Preferred ports by "name:endpoint"; 0 means any free port.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    public bool AnyPorts { get; init; }

    public Uri? OtlpEndpoint { get; init; }

    public bool EchoLogs { get; init; }

    /// <summary>Load the demo data set (src/AppHost/Demo) into the Customers service once every resource runs.</summary>
    public bool Demo { get; init; }

    /// <summary>How many generated accounts (src/AppHost/Demo/DemoGenerated.cs) the demo data set has besides the curated ones.</summary>
    public int DemoSize { get; init; } = DemoGenerated.DefaultCount;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a service may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses <paramref name="args"/>; throws <see cref="AppHostUsageException"/> on a bad or unknown option.</summary>
    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        string? root = null, dataDirectory = null, configuration = null, otlp = Environment.GetEnvironmentVariable("CRM_OTLP_ENDPOINT");
        bool fresh = false, temporary = false, anyPorts = false, echoLogs = false, demo = false;
        var demoSize = DemoGenerated.DefaultCount;
        HashSet<string>? only = null;
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new AppHostUsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--fresh": fresh = true; break;
                case "--temporary-data": temporary = true; break;
                case "--any-ports": anyPorts = true; break;
                case "--logs": echoLogs = true; break;
                case "--demo": demo = true; break;
                case "--data-dir": dataDirectory = Value(); break;
                case "--configuration" or "-c": configuration = Value(); break;
                case "--otlp": otlp = Value(); break;
                case "--root": root = Value(); break;
                case "--only": only = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--port": AddPort(ports, Value()); break;
                case "--demo-size": demoSize = ParseDemoSize(Value()); break;
                case "--help" or "-h": throw new AppHostUsageException(null);
                default: throw new AppHostUsageException($"Unknown option '{args[i]}'.");
            }
        }

        var repositoryRoot = root is null ? FindRepositoryRoot() : Path.GetFullPath(root);
        return new AppHostOptions
        {
            RepositoryRoot = repositoryRoot,
            DataDirectory = temporary ? null : Path.GetFullPath(dataDirectory ?? Path.Combine(repositoryRoot, ".crm", "data")),
            Fresh = fresh,
            Configuration = configuration ?? BuiltConfiguration(),
            Only = only,
            Ports = ports,
            AnyPorts = anyPorts,
            OtlpEndpoint = string.IsNullOrWhiteSpace(otlp) ? null : ParseUri(otlp),
            EchoLogs = echoLogs,
            Demo = demo,
            DemoSize = demoSize,
        };
    }

    private static void AddPort(Dictionary<string, int> ports, string value)
    {
        var parts = value.Split('=');
        if (parts.Length != 2 || !parts[0].Contains(':', StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new AppHostUsageException($"--port expects NAME:ENDPOINT=PORT, got '{value}'.");
        }

        ports[parts[0]] = port;
    }

    private static int ParseDemoSize(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size <= DemoGenerated.MaxCount
            ? size
            : throw new AppHostUsageException($"--demo-size expects a number of accounts from 0 to {DemoGenerated.MaxCount}, got '{value}'.");

    private static Uri ParseUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new AppHostUsageException($"'{value}' is not an http(s) URL.");

    private static string BuiltConfiguration() =>
        typeof(AppHostOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } built
            ? built
            : "Debug";

    private static string FindRepositoryRoot() =>
        Hosting.RepositoryRoot.TryFind()
        ?? throw new AppHostUsageException($"{Hosting.RepositoryRoot.SolutionFile} was not found above the current directory; pass --root.");
}
