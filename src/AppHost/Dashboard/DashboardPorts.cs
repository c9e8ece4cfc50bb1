using CrmPlatform.Hosting;

namespace CrmPlatform.AppHost.Dashboard;

/// <summary>The three ports the dashboard listens on, chosen before Kestrel starts so each listener is known.</summary>
internal sealed record DashboardPorts(int Ui, int OtlpGrpc, int OtlpHttp)
{
    public static DashboardPorts Choose(DashboardOptions options, Action<int, int> onTaken)
    {
        var free = new Queue<int>(FreePorts.Pick(3));
        int Pick(int preferred)
        {
            if (preferred > 0 && FreePorts.IsFree(preferred))
            {
                return preferred;
            }

            var port = free.Dequeue();
            if (preferred > 0)
            {
                onTaken(preferred, port);
            }

            return port;
        }

        return new DashboardPorts(Pick(options.UiPort), Pick(options.OtlpGrpcPort), Pick(options.OtlpHttpPort));
    }
}
