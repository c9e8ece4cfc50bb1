using System.Reflection;
using CrmPlatform.Grpc;
using CrmPlatform.Grpc.Health.V1;
using CrmPlatform.Hosting;

namespace CrmPlatform.Gateway.Tests.Forwarding;

/// <summary>The gRPC interop TestService (tests/Grpc.Interop, with grpc.health.v1) in its own process, so a test can kill it.</summary>
public sealed class InteropServerProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(InteropServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private InteropServerProcess(ChildProcess process, int port)
    {
        Process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public ChildProcess Process { get; }

    public Uri Address { get; }

    /// <param name="port">The port to listen on (say, a killed server's, to restart it); a free one when null.</param>
    public static async Task<InteropServerProcess> StartAsync(string name, int? port = null)
    {
        var listenPort = port ?? FreePorts.Pick(1)[0];
        var projectDirectory = Path.Combine(RepositoryRoot.Find(), "tests", "Grpc.Interop");
        var assembly = DotnetProject.OutputAssembly(projectDirectory, Configuration);

        // Its own folder as content root: the test's output folder holds the gateway's appsettings.json.
        var process = ChildProcess.Start(new ChildProcessStartInfo(name, "dotnet", [assembly, "--port", listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = projectDirectory,
        });
        var server = new InteropServerProcess(process, listenPort);
        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills the server at once (SIGKILL) and returns when it has exited.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.Exited;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), new CallOptions(cancellationToken: timeout.Token));
                return;
            }
            catch (RpcException) when (!Process.HasExited && !timeout.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
    }
}
