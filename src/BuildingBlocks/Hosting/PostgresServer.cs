using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CrmPlatform.Hosting;

/// <summary>
/// A private PostgreSQL 15 cluster run from the Debian binaries, listening on 127.0.0.1 only.
/// The <c>postgres</c> process is a child of this process; stopping or disposing it (or this process exiting) leaves nothing running.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Product = "PostgreSQL 15";
    private const string AptPackage = "postgresql";
    private const string Superuser = "postgres";

    private readonly PostgresServerOptions _options;
    private readonly ChildProcess _postgres;
    private readonly string _socketDirectory;
    private readonly bool _temporary;
    private readonly IDisposable _exitHook;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    private PostgresServer(PostgresServerOptions options, ChildProcess postgres, int port, string dataDirectory, string socketDirectory, bool temporary)
    {
        _options = options;
        _postgres = postgres;
        Port = port;
        DataDirectory = dataDirectory;
        _socketDirectory = socketDirectory;
        _temporary = temporary;
        _exitHook = ExitHooks.Register(() => StopAsync(CancellationToken.None).Wait(options.StopTimeout * 2));
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The cluster directory (PGDATA).</summary>
    public string DataDirectory { get; }

    /// <summary>The ids of the server processes still running (postmaster, its workers, and runuser when started as root).</summary>
    public IReadOnlyList<int> ProcessIds => _postgres.ProcessIds;

    /// <summary>Initialises the cluster if needed, starts it on a free port and waits until it accepts connections.</summary>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostgresServerOptions();
        var initdb = Path.Combine(options.BinDirectory, "initdb");
        var postgres = Path.Combine(options.BinDirectory, "postgres");
        ServerBinaryMissingException.ThrowIfMissing(Product, initdb, AptPackage);
        ServerBinaryMissingException.ThrowIfMissing(Product, postgres, AptPackage);

        var stopwatch = Stopwatch.StartNew();
        var temporary = options.DataDirectory is null;
        var dataDirectory = temporary
            ? Directory.CreateTempSubdirectory("crm-postgres-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory!)).FullName;
        var socketDirectory = Directory.CreateTempSubdirectory("crm-pgsock-").FullName;
        try
        {
            if (options.Logger is { } logger)
            {
                HostingLog.Starting(logger, Product, dataDirectory);
            }

            await HandOverAsync(options, dataDirectory, cancellationToken);
            await HandOverAsync(options, socketDirectory, cancellationToken);
            if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            {
                await InitialiseAsync(options, initdb, dataDirectory, socketDirectory, cancellationToken);
            }

            var (process, port) = await PortRetry.StartAsync(
                Product,
                portCount: 1,
                options.Logger,
                ports => LaunchAsync(options, postgres, dataDirectory, socketDirectory, ports[0], cancellationToken));
            if (options.Logger is { } readyLogger)
            {
                HostingLog.Ready(readyLogger, Product, port, stopwatch.ElapsedMilliseconds);
            }

            return new PostgresServer(options, process, port, dataDirectory, socketDirectory, temporary);
        }
        catch
        {
            DeleteDirectory(socketDirectory);
            if (temporary)
            {
                DeleteDirectory(dataDirectory);
            }

            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => ConnectionString(Port, database);

    /// <summary>Creates the database unless it already exists (safe to call concurrently).</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = name } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another caller created it between the check and the CREATE.
        }
    }

    /// <summary>Fast shutdown (SIGINT), then kills anything left; removes a temporary cluster. Cancelling skips the wait and kills.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopCoreAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private static string ConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = Superuser, Database = database }.ConnectionString;

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        _exitHook.Dispose();
        if (_options.Logger is { } logger)
        {
            HostingLog.Stopping(logger, Product);
        }

        await _postgres.StopAsync(UnixSignal.Interrupt, _options.StopTimeout, cancellationToken);
        await _postgres.DisposeAsync();
        DeleteDirectory(_socketDirectory);
        if (_temporary)
        {
            DeleteDirectory(DataDirectory);
        }

        if (_options.Logger is { } stoppedLogger)
        {
            HostingLog.Stopped(stoppedLogger, Product);
        }
    }

    /// <summary>When running as root, gives the directory to the server's OS user.</summary>
    private static async Task HandOverAsync(PostgresServerOptions options, string directory, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }

        var result = await ChildProcess.RunAsync(new ChildProcessStartInfo("chown", "chown", [$"{options.OsUser}:", directory]), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ServerStartException($"Could not give '{directory}' to the OS user '{options.OsUser}'.", result.Output);
        }
    }

    private static async Task InitialiseAsync(PostgresServerOptions options, string initdb, string dataDirectory, string workingDirectory, CancellationToken cancellationToken)
    {
        if (options.Logger is { } logger)
        {
            HostingLog.InitialisingCluster(logger, dataDirectory);
        }

        var result = await ChildProcess.RunAsync(
            new ChildProcessStartInfo("initdb", initdb, ["-D", dataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
            {
                RunAsUser = options.OsUser,
                WorkingDirectory = workingDirectory,
                Output = options.Output,
                Logger = options.Logger,
            },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ServerStartException($"initdb failed with exit code {result.ExitCode} for '{dataDirectory}'.", result.Output);
        }
    }

    private static async Task<(ChildProcess Process, int Port)> LaunchAsync(
        PostgresServerOptions options, string postgres, string dataDirectory, string socketDirectory, int port, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start(new ChildProcessStartInfo(
            "postgres",
            postgres,
            [
                "-D", dataDirectory,
                "-c", "listen_addresses=127.0.0.1",
                "-p", port.ToString(CultureInfo.InvariantCulture),
                "-k", socketDirectory,
                "-c", "synchronous_commit=on",
                "-c", "fsync=on",
            ])
        {
            RunAsUser = options.OsUser,
            WorkingDirectory = socketDirectory,
            Output = options.Output,
            Logger = options.Logger,
        });
        try
        {
            await WaitUntilServingAsync(process, options.StartTimeout, dataDirectory, port, cancellationToken);
            return (process, port);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitUntilServingAsync(ChildProcess process, TimeSpan timeout, string dataDirectory, int port, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(port, "postgres")) { Pooling = false, Timeout = 2 };
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var exitCode = await process.Exited;
                await process.OutputDrainedAsync();
                var output = process.RecentOutput;
                throw new ServerStartException(
                    $"PostgreSQL exited with code {exitCode} before accepting connections on port {port}.",
                    output,
                    ServerStartException.MentionsAddressInUse(output));
            }

            if (await ServedDataDirectoryAsync(builder.ConnectionString, cancellationToken) is { } served)
            {
                if (served == dataDirectory)
                {
                    return;
                }

                // Another cluster grabbed the port between picking it and binding it.
                throw new ServerStartException($"Port {port} is served by another PostgreSQL (data directory '{served}').", string.Empty, addressInUse: true);
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new ServerStartException($"PostgreSQL did not accept connections on port {port} within {timeout}.", process.RecentOutput);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task<string?> ServedDataDirectoryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
