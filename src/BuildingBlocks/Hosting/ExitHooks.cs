using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CrmPlatform.Hosting;

/// <summary>
/// Runs registered stop actions once when the process exits, or when it gets Ctrl-C, SIGTERM or SIGHUP
/// unless <see cref="ShutdownSignals.HandledByCaller"/> was called.
/// </summary>
internal static class ExitHooks
{
    private static readonly ConcurrentDictionary<object, Action> Hooks = new();
    private static readonly PosixSignalRegistration[] Registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => OnSignal()),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => OnSignal()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => OnSignal()),
    ];

    private static volatile bool _signalsHandledByCaller;

    static ExitHooks() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    /// <summary>Registers <paramref name="stop"/>; disposing the result unregisters it.</summary>
    public static IDisposable Register(Action stop)
    {
        GC.KeepAlive(Registrations);
        var key = new object();
        Hooks[key] = stop;
        return new Registration(key);
    }

    /// <summary>From now on signals leave the stop actions to the caller; process exit still runs them.</summary>
    public static void LeaveSignalsToCaller() => _signalsHandledByCaller = true;

    private static void OnSignal()
    {
        if (!_signalsHandledByCaller)
        {
            RunAll();
        }
    }

    private static void RunAll()
    {
        foreach (var key in Hooks.Keys)
        {
            if (Hooks.TryRemove(key, out var stop))
            {
                stop();
            }
        }
    }

    private sealed class Registration(object key) : IDisposable
    {
        public void Dispose() => Hooks.TryRemove(key, out _);
    }
}
