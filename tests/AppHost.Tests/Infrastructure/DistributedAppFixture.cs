using CrmPlatform.AppHost.Model;
using CrmPlatform.AppHost.Testing;
using CrmPlatform.Grpc;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Tests.Infrastructure;

/// <summary>
/// The platform as src/AppHost/Program.cs defines it, started for a test class or collection with temporary data and
/// free ports. Override <see cref="Arguments"/> for a subset (<c>--only customers</c>) or other AppHost options.
/// </summary>
public class DistributedAppFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>Everything the AppHost logged (progress, restarts, failures).</summary>
    public LogCapture Logs { get; } = new();

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not been initialised.");

    protected virtual IEnumerable<string> Arguments => [];

    public Uri GetEndpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public string GetConnectionString(string resource) => App.GetConnectionString(resource);

    /// <summary>A generated gRPC client for the service's h2c endpoint.</summary>
    public TClient CreateClient<TClient>(string resource)
        where TClient : ClientBase<TClient> => App.CreateClient<TClient>(resource);

    public async Task InitializeAsync()
    {
        _app = DistributedApplicationTestingBuilder.Create(Arguments, LoggerFactory.Create(logging => logging.AddProvider(Logs)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
