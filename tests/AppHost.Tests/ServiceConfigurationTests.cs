using CrmPlatform.AppHost.Tests.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ServiceConfigurationTests(DistributedAppFixture platform)
{
    [Fact]
    public void Customers_gets_its_database_and_broker_as_aspire_connection_strings()
    {
        var environment = EnvironmentOf("customers");

        Assert.Equal(platform.GetConnectionString("customersdb"), environment["ConnectionStrings__customers"]);
        Assert.Contains("Database=customers", environment["ConnectionStrings__customers"], StringComparison.Ordinal);
        Assert.Equal(platform.GetConnectionString("messaging"), environment["ConnectionStrings__messaging"]);
    }

    [Fact]
    public void The_gateway_gets_its_own_database_for_users_and_api_keys()
    {
        var environment = EnvironmentOf("gateway");

        Assert.Equal(platform.GetConnectionString("gatewaydb"), environment["ConnectionStrings__gateway"]);
        Assert.Contains("Database=gateway", environment["ConnectionStrings__gateway"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_finds_every_service_through_aspire_service_variables()
    {
        var environment = EnvironmentOf("gateway");

        foreach (var service in new[] { "customers", "sales", "service", "marketing", "analytics" })
        {
            Assert.Equal(platform.GetEndpoint(service).ToString().TrimEnd('/'), environment[$"services__{service}__http__0"]);
            Assert.Equal(platform.GetEndpoint(service, "grpc").ToString().TrimEnd('/'), environment[$"services__{service}__grpc__0"]);
        }
    }

    [Fact]
    public void Services_are_named_for_telemetry_and_export_nothing_without_an_otlp_endpoint()
    {
        var environment = EnvironmentOf("sales");

        Assert.Equal("sales", environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=sales-", environment["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Http2", environment["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void Every_service_validates_caller_tokens_with_the_same_per_run_signing_key()
    {
        var keys = new[] { "customers", "sales", "service", "marketing", "analytics", "gateway" }
            .Select(service => EnvironmentOf(service)["Auth__SigningKey"])
            .Distinct()
            .ToList();

        Assert.Single(keys);
        Assert.True(keys[0].Length >= 32);
        Assert.Equal(keys[0], platform.App.GetEnvironment("gateway")["Auth__SigningKey"]);
    }

    [Fact]
    public void Each_service_console_output_is_captured()
    {
        var lines = platform.App.GetLogs("customers").Snapshot();

        Assert.Contains(lines, line => line.Text.Contains("Now listening on: " + platform.GetEndpoint("customers").ToString().TrimEnd('/'), StringComparison.Ordinal));
    }

    [Fact]
    public void Services_run_from_their_built_output_not_through_dotnet_run()
    {
        var pid = platform.App.GetResource("customers").ProcessIds[0];

        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith($"src/Customers/bin/{platform.App.Options.Configuration}/net10.0/CrmPlatform.Customers.dll", commandLine[^1], StringComparison.Ordinal);
    }

    private IReadOnlyDictionary<string, string> EnvironmentOf(string resource) =>
        Processes.EnvironmentOf(platform.App.GetResource(resource).ProcessIds[0]);
}
