using CrmPlatform.Grpc.Interop;
using Microsoft.AspNetCore.Builder;

namespace CrmPlatform.Grpc.Tests.Interop;

/// <summary>Our interop server (TestService, reflection, health), started in-process on a free port for a test class.</summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _app = await InteropServer.StartAsync();
        Port = InteropServer.GetPort(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
