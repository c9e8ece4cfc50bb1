using Microsoft.Extensions.Logging;

namespace CrmPlatform.Hosting;

/// <summary>Starts a server on freshly picked ports, picking new ones when another process grabbed them first.</summary>
internal static class PortRetry
{
    private const int Attempts = 4;

    public static async Task<T> StartAsync<T>(
        string server, int portCount, ILogger? logger, Func<IReadOnlyList<int>, Task<T>> start, Func<int, IReadOnlyList<int>>? pickPorts = null)
    {
        pickPorts ??= FreePorts.Pick;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(pickPorts(portCount));
            }
            catch (ServerStartException e) when (e.AddressInUse && attempt < Attempts)
            {
                if (logger is not null)
                {
                    HostingLog.PortConflict(logger, server, attempt);
                }
            }
        }
    }
}
