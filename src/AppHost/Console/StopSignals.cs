using System.Runtime.InteropServices;

namespace CrmPlatform.AppHost.Console;

/// <summary>Turns Ctrl-C, SIGTERM and SIGHUP into a call of <paramref name="onSignal"/> instead of ending the process.</summary>
internal sealed class StopSignals(Action onSignal) : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations =
    [
        .. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(signal =>
            PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                onSignal();
            })),
    ];

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
