using System.Net;
using System.Net.Sockets;

namespace CrmPlatform.Hosting;

/// <summary>Picks TCP ports on 127.0.0.1 that are free right now.</summary>
public static class FreePorts
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct ports the kernel handed out for 127.0.0.1.
    /// They are released before returning, so another process may still take one: launchers retry on "address in use".
    /// </summary>
    public static IReadOnlyList<int> Pick(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>True when <paramref name="port"/> on 127.0.0.1 can be bound right now (e.g. a preferred, fixed port).</summary>
    public static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
