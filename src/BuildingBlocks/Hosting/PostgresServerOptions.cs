using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

/// <summary>How to start a <see cref="PostgresServer"/>.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>
    /// The cluster directory. An initialised cluster there is reused, so data survives restarts;
    /// a missing or empty directory is initialised. Null: a temporary cluster, deleted when the server stops.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where initdb and postgres live (Debian package <c>postgresql</c>).</summary>
    public string BinDirectory { get; init; } = "/usr/lib/postgresql/15/bin";

    /// <summary>The OS user the server runs as when this process is root (PostgreSQL refuses to run as root).</summary>
    public string OsUser { get; init; } = "postgres";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a fast shutdown may take before the server is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives every console line of initdb and postgres.</summary>
    public Action<ServerOutputLine>? Output { get; init; }

    public ILogger? Logger { get; init; }
}
