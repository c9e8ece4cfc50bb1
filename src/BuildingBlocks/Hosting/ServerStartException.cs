namespace CrmPlatform.Hosting;

/// <summary>A server did not come up; the message ends with the last lines it printed.</summary>
public sealed class ServerStartException(string message, string output, bool addressInUse = false)
    : Exception(string.IsNullOrWhiteSpace(output) ? message : $"{message}{Environment.NewLine}Last output:{Environment.NewLine}{output}")
{
    /// <summary>True when the server failed because one of its ports was taken (the launcher retries with new ports).</summary>
    public bool AddressInUse { get; } = addressInUse;

    internal static bool MentionsAddressInUse(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("eaddrinuse", StringComparison.OrdinalIgnoreCase);
}
