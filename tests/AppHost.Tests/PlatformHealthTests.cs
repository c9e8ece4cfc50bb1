using System.Net;
using CrmPlatform.AppHost.Orchestration;
using CrmPlatform.AppHost.Tests.Infrastructure;
using Npgsql;
using RabbitMQ.Client;

namespace CrmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformHealthTests(DistributedAppFixture platform)
{
    private static readonly string[] Services = ["customers", "sales", "service", "marketing", "analytics", "gateway"];

    [Fact]
    public void The_whole_topology_of_program_cs_is_running()
    {
        var resources = platform.App.GetResources();

        Assert.Equal(["postgres", "customersdb", "gatewaydb", "messaging", .. Services], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.Equal(ResourceState.Running, r.State));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Every_service_answers_healthy_on_its_http_endpoint(string path)
    {
        using var client = new HttpClient();
        foreach (var service in Services)
        {
            using var response = await client.GetAsync(new Uri(platform.GetEndpoint(service), path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_service_speaks_cleartext_http2_on_its_grpc_endpoint()
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        foreach (var service in Services)
        {
            using var response = await client.GetAsync(new Uri(platform.GetEndpoint(service, "grpc"), "/health"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version20, response.Version);
        }
    }

    [Fact]
    public async Task The_customers_database_exists_and_accepts_queries()
    {
        await using var connection = new NpgsqlConnection(platform.GetConnectionString("customersdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal("customers", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_message_broker_accepts_connections()
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.GetConnectionString("messaging")) };

        await using var connection = await factory.CreateConnectionAsync();

        Assert.True(connection.IsOpen);
    }
}
