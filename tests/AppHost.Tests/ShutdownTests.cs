using CrmPlatform.AppHost.Testing;
using CrmPlatform.AppHost.Tests.Infrastructure;
using CrmPlatform.Tests.Shared;

namespace CrmPlatform.AppHost.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_platform_leaves_no_process_and_no_listening_port()
    {
        var app = DistributedApplicationTestingBuilder.Create();
        await app.StartAsync();
        var resources = app.GetResources();
        var processIds = resources.SelectMany(r => r.ProcessIds).ToList();
        var ports = resources.SelectMany(r => r.Urls.Values).Select(u => u.Port)
            .Append(new Npgsql.NpgsqlConnectionStringBuilder(app.GetConnectionString("postgres")).Port)
            .Append(new Uri(app.GetConnectionString("messaging")).Port)
            .ToList();
        Assert.True(processIds.Count >= 10, $"expected six services, postgres and rabbitmq processes, got {processIds.Count}");
        var tree = new StartedTree(processIds);
        Assert.All(ports, port => Assert.True(tree.ListensOn(port), $"nothing of the platform listens on port {port}"));

        await app.DisposeAsync();

        Assert.DoesNotContain(processIds, ProcessState.IsRunning);
        foreach (var port in ports)
        {
            Assert.False(tree.ListensOn(port), $"a process of the platform still listens on port {port}");
        }
    }
}
