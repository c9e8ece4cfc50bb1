using CrmPlatform.Tests.Infrastructure;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Tests;

/// <summary>A fresh database on the shared test cluster, one per test.</summary>
internal static class TestDatabase
{
    public static async Task<string> CreateAsync(InfrastructureFixture infrastructure)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await infrastructure.Postgres.CreateDatabaseAsync(name);
        return infrastructure.Postgres.ConnectionString(name);
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
