using System.Net;
using System.Net.Sockets;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Testing;

namespace CrmPlatform.AppHost.Tests;

public sealed class TopologyTests
{
    [Fact]
    public async Task Only_selects_the_named_resources_and_everything_they_need()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "customers"]);

        Assert.Equal(["postgres", "customersdb", "messaging", "customers"], app.ResourceNames);
    }

    [Fact]
    public async Task The_gateway_needs_its_own_database_and_every_service()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "gateway"]);

        Assert.Superset(
            new HashSet<string> { "gatewaydb", "customers", "sales", "service", "marketing", "analytics" }, app.ResourceNames.ToHashSet());
        Assert.Equal("gateway", app.ResourceNames[^1]);
    }

    [Fact]
    public async Task A_preferred_port_that_is_taken_falls_back_to_a_free_one()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        try
        {
            await using var app = DistributedApplicationTestingBuilder.Create(["--only", "sales", "--port", $"sales:http={takenPort}"]);

            Assert.NotEqual(takenPort, app.GetEndpoint("sales").Port);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task A_preferred_port_that_is_free_is_used()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();

        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "sales", "--port", $"sales:grpc={port}"]);

        Assert.Equal(port, app.GetEndpoint("sales", "grpc").Port);
    }

    [Fact]
    public async Task A_service_that_was_never_built_fails_start_up_with_a_message_saying_how_to_build_it()
    {
        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "sales", "--configuration", "NeverBuilt"]);

        var failure = await Assert.ThrowsAsync<ResourceStartException>(() => app.StartAsync());

        Assert.Equal("sales", failure.ResourceName);
        Assert.Contains("dotnet build", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.FailedToStart, app.GetResource("sales").State);
    }
}
