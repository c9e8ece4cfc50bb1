using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

/// <summary>How to start a <see cref="RabbitMqServer"/>.</summary>
public sealed record RabbitMqServerOptions
{
    /// <summary>
    /// The node's private directory (Erlang cookie, Mnesia database, logs, config). Reused as it is, so durable
    /// queues and persistent messages survive restarts. Null: a temporary directory, deleted when the node stops.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where rabbitmq-server and rabbitmqctl live (Debian package <c>rabbitmq-server</c>).</summary>
    public string BinDirectory { get; init; } = "/usr/lib/rabbitmq/bin";

    /// <summary>The Erlang port mapper daemon; the launcher runs a private one per node.</summary>
    public string EpmdPath { get; init; } = "/usr/bin/epmd";

    /// <summary>The short node name (before "@localhost"). Null: "crm" for a persistent node, a unique name for a temporary one.</summary>
    public string? NodeName { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a graceful stop may take before the node is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Receives every console line of the node and its epmd.</summary>
    public Action<ServerOutputLine>? Output { get; init; }

    public ILogger? Logger { get; init; }

    /// <summary>Picks the AMQP, distribution and epmd ports of each attempt; tests pass ports that are taken.</summary>
    internal Func<int, IReadOnlyList<int>> PickPorts { get; init; } = FreePorts.Pick;
}
