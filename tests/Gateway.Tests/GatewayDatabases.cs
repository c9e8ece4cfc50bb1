using CrmPlatform.Hosting;

namespace CrmPlatform.Gateway.Tests;

/// <summary>One PostgreSQL server for the gateways these tests start, each with a fresh database of its own.</summary>
internal static class GatewayDatabases
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(() => PostgresServer.StartAsync());

    /// <returns>The connection string of a new, empty database.</returns>
    public static async Task<string> CreateAsync()
    {
        var server = await Server.Value;
        var database = "gateway_" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateDatabaseAsync(database);
        return server.ConnectionString(database);
    }
}
