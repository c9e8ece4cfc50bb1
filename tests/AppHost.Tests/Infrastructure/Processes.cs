using System.Diagnostics;

using System.Net;
using System.Net.Sockets;

namespace CrmPlatform.AppHost.Tests.Infrastructure;

/// <summary>What the kernel says about processes and local ports.</summary>
internal static class Processes
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The environment a process was started with.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : string.Empty);

    public static void Kill(int pid) => Process.GetProcessById(pid).Kill();

    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
