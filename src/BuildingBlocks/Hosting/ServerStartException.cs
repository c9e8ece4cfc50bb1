namespace CrmPlatform.Hosting;

/// <summary>A server did not come up; the message ends with the last lines it printed.</summary>
public sealed class ServerStartException(string message, string output, bool addressInUse = false)
    : Exception(string.IsNullOrWhiteSpace(output) ? message : $"{message}{Environment.NewLine}Last output:{Environment.NewLine}{output}")
{
    /// <summary>True when the server failed because one of its ports was taken (the launcher retries with new ports).</summary>
    public bool AddressInUse { get; } = addressInUse;

    /// <summary>
    /// True when <paramref name="output"/> says a port was taken. RabbitMQ's prelaunch reports a taken Erlang
    /// distribution port as <c>dist_port_already_used</c> (and its start script still exits with 0).
    /// </summary>
    internal static bool MentionsAddressInUse(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("eaddrinuse", StringComparison.OrdinalIgnoreCase)
        || output.Contains("dist_port_already_used", StringComparison.Ordinal);
}
