using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CrmPlatform.Hosting;

/// <summary>
/// A private RabbitMQ 3.10 node run from the Debian binaries with its own epmd, all listening on 127.0.0.1 only.
/// Both are children of this process; stopping or disposing the node (or this process exiting) leaves nothing running.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Product = "RabbitMQ";
    private const string AptPackage = "rabbitmq-server";
    private static readonly TimeSpan EpmdTimeout = TimeSpan.FromSeconds(10);

    private readonly RabbitMqServerOptions _options;
    private readonly ChildProcess _node;
    private readonly ChildProcess _epmd;
    private readonly bool _temporary;
    private readonly IDisposable _exitHook;
    private readonly Lock _stopLock = new();
    private Task? _stopping;

    private RabbitMqServer(RabbitMqServerOptions options, (ChildProcess Node, ChildProcess Epmd, RabbitMqPorts Ports) launched, string nodeName, string dataDirectory, bool temporary)
    {
        _options = options;
        _node = launched.Node;
        _epmd = launched.Epmd;
        Port = launched.Ports.Amqp;
        DistributionPort = launched.Ports.Distribution;
        EpmdPort = launched.Ports.Epmd;
        NodeName = nodeName;
        DataDirectory = dataDirectory;
        _temporary = temporary;
        _exitHook = ExitHooks.Register(() => StopAsync(CancellationToken.None).Wait(options.StopTimeout * 2));
    }

    public string Host => "127.0.0.1";

    /// <summary>The AMQP port.</summary>
    public int Port { get; }

    /// <summary>The Erlang distribution port (used by rabbitmqctl).</summary>
    public int DistributionPort { get; }

    /// <summary>The port of this node's private epmd.</summary>
    public int EpmdPort { get; }

    /// <summary>The full node name, e.g. "crm-1a2b3c4d@localhost".</summary>
    public string NodeName { get; }

    public string DataDirectory { get; }

    /// <summary>amqp://guest:guest@127.0.0.1:PORT/ (the default virtual host).</summary>
    public Uri AmqpUri => new($"amqp://guest:guest@{Host}:{Port}/");

    /// <summary>The AMQP URI as a connection string, for ConnectionStrings__rabbitmq.</summary>
    public string ConnectionString => AmqpUri.ToString();

    /// <summary>The ids of the node's processes and of its epmd that are still running.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _node.ProcessIds, .. _epmd.ProcessIds];

    /// <summary>Starts epmd and the node on free ports and waits until <c>rabbitmqctl await_startup</c> succeeds.</summary>
    public static async Task<RabbitMqServer> StartAsync(RabbitMqServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RabbitMqServerOptions();
        var server = Path.Combine(options.BinDirectory, "rabbitmq-server");
        var ctl = Path.Combine(options.BinDirectory, "rabbitmqctl");
        ServerBinaryMissingException.ThrowIfMissing(Product, server, AptPackage);
        ServerBinaryMissingException.ThrowIfMissing(Product, ctl, AptPackage);
        ServerBinaryMissingException.ThrowIfMissing("Erlang (epmd)", options.EpmdPath, AptPackage);

        var stopwatch = Stopwatch.StartNew();
        var temporary = options.DataDirectory is null;
        var dataDirectory = temporary
            ? Directory.CreateTempSubdirectory("crm-rabbitmq-").FullName
            : Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory!)).FullName;
        var nodeName = $"{options.NodeName ?? (temporary ? $"crm-{Guid.NewGuid():N}"[..12] : "crm")}@localhost";
        try
        {
            if (options.Logger is { } logger)
            {
                HostingLog.Starting(logger, Product, dataDirectory);
            }

            PrepareDirectory(dataDirectory);
            var launched = await PortRetry.StartAsync(
                Product,
                portCount: 3,
                options.Logger,
                ports => LaunchAsync(
                    options, server, ctl, dataDirectory, nodeName, new RabbitMqPorts(ports[0], ports[1], ports[2]), cancellationToken),
                options.PickPorts);
            if (options.Logger is { } readyLogger)
            {
                HostingLog.Ready(readyLogger, Product, launched.Ports.Amqp, stopwatch.ElapsedMilliseconds);
            }

            return new RabbitMqServer(options, launched, nodeName, dataDirectory, temporary);
        }
        catch when (temporary)
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Stops and restarts the broker application inside the running node (<c>rabbitmqctl stop_app</c>, then
    /// <c>start_app</c>): every client connection drops, as in a broker restart, while ports and durable data stay.
    /// </summary>
    public async Task RestartBrokerAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await RunCtlAsync("stop_app", cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await RunCtlAsync("start_app", cancellationToken);
        await RunCtlAsync("await_startup", cancellationToken);
    }

    private async Task RunCtlAsync(string command, CancellationToken cancellationToken)
    {
        var ports = new RabbitMqPorts(Port, DistributionPort, EpmdPort);
        var result = await ChildProcess.RunAsync(
            new ChildProcessStartInfo("rabbitmqctl", Path.Combine(_options.BinDirectory, "rabbitmqctl"), ["-n", NodeName, command])
            {
                EnvironmentVariables = Environment(DataDirectory, NodeName, ports),
                WorkingDirectory = DataDirectory,
            },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed with exit code {result.ExitCode}: {result.Output}");
        }
    }

    /// <summary>Graceful stop (SIGTERM), then kills anything left, then stops epmd; removes a temporary node. Cancelling skips the wait and kills.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopCoreAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        _exitHook.Dispose();
        if (_options.Logger is { } logger)
        {
            HostingLog.Stopping(logger, Product);
        }

        await _node.StopAsync(UnixSignal.Terminate, _options.StopTimeout, cancellationToken);
        await _epmd.StopAsync(UnixSignal.Terminate, TimeSpan.FromSeconds(2), cancellationToken);
        await _node.DisposeAsync();
        await _epmd.DisposeAsync();
        if (_temporary)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        if (_options.Logger is { } stoppedLogger)
        {
            HostingLog.Stopped(stoppedLogger, Product);
        }
    }

    private static void PrepareDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, "home"));
        Directory.CreateDirectory(Path.Combine(dataDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dataDirectory, "log"));
        var cookie = Path.Combine(dataDirectory, "home", ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            // Written before the node and rabbitmqctl start, so they cannot race to create different cookies.
            File.WriteAllText(cookie, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
            }
        }

        File.WriteAllText(Path.Combine(dataDirectory, "rabbitmq.conf"), """
            log.console = true
            log.console.level = info
            log.console.use_colors = off
            disk_free_limit.absolute = 50MB

            """);
        File.WriteAllText(Path.Combine(dataDirectory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(dataDirectory, "rabbitmq-env.conf"), string.Empty);
    }

    private static Dictionary<string, string> Environment(string dataDirectory, string nodeName, RabbitMqPorts ports) => new()
    {
        ["HOME"] = Path.Combine(dataDirectory, "home"),
        ["RABBITMQ_NODENAME"] = nodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = ports.Amqp.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = ports.Distribution.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = ports.Epmd.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(dataDirectory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(dataDirectory, "rabbitmq.pid"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dataDirectory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dataDirectory, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(dataDirectory, "rabbitmq-env.conf"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
    };

    private static async Task<(ChildProcess Node, ChildProcess Epmd, RabbitMqPorts Ports)> LaunchAsync(
        RabbitMqServerOptions options, string server, string ctl, string dataDirectory, string nodeName, RabbitMqPorts ports, CancellationToken cancellationToken)
    {
        var environment = Environment(dataDirectory, nodeName, ports);
        ChildProcess Start(string name, string fileName, IReadOnlyList<string> arguments) =>
            ChildProcess.Start(new ChildProcessStartInfo(name, fileName, arguments)
            {
                EnvironmentVariables = environment,
                WorkingDirectory = dataDirectory,
                Output = options.Output,
                Logger = options.Logger,
            });

        var epmd = Start("epmd", options.EpmdPath, ["-port", environment["ERL_EPMD_PORT"], "-address", "127.0.0.1"]);
        ChildProcess? node = null;
        try
        {
            await WaitUntilListeningAsync(epmd, ports.Epmd, cancellationToken);
            node = Start("rabbitmq", server, []);
            await WaitUntilBootedAsync(node, ctl, environment, dataDirectory, nodeName, ports.Distribution, options.StartTimeout, cancellationToken);
            return (node, epmd, ports);
        }
        catch
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }

            await epmd.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitUntilListeningAsync(ChildProcess epmd, int port, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!ProcessTree.ListensOn(epmd.Id, port))
        {
            if (epmd.HasExited)
            {
                // epmd exits quietly when its port is taken.
                await epmd.OutputDrainedAsync();
                throw new ServerStartException($"epmd exited before listening on port {port}.", epmd.RecentOutput, addressInUse: true);
            }

            if (stopwatch.Elapsed > EpmdTimeout)
            {
                throw new ServerStartException($"epmd did not listen on port {port} within {EpmdTimeout}.", epmd.RecentOutput);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private static async Task WaitUntilBootedAsync(
        ChildProcess node, string ctl, Dictionary<string, string> environment, string dataDirectory, string nodeName, int distributionPort, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var lastCheck = string.Empty;
        while (true)
        {
            // rabbitmqctl fails at once until the node is reachable, and each run costs CPU the booting node needs.
            if (node.ProcessIds.Any(pid => ProcessTree.ListensOn(pid, distributionPort)))
            {
                var remaining = Math.Max(1, (int)(timeout - stopwatch.Elapsed).TotalSeconds);
                var check = await ChildProcess.RunAsync(
                    new ChildProcessStartInfo("rabbitmqctl", ctl, ["-n", nodeName, "await_startup", "--timeout", remaining.ToString(CultureInfo.InvariantCulture)])
                    {
                        EnvironmentVariables = environment,
                        WorkingDirectory = dataDirectory,
                    },
                    cancellationToken);
                if (check.ExitCode == 0)
                {
                    return;
                }

                lastCheck = check.Output;
            }

            if (node.HasExited)
            {
                var exitCode = await node.Exited;
                await node.OutputDrainedAsync();
                var output = node.RecentOutput;
                throw new ServerStartException(
                    $"RabbitMQ node {nodeName} exited with code {exitCode} before it finished booting.",
                    output,
                    ServerStartException.MentionsAddressInUse(output));
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new ServerStartException(
                    $"RabbitMQ node {nodeName} did not finish booting within {timeout}.",
                    $"{node.RecentOutput}{System.Environment.NewLine}{lastCheck}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
