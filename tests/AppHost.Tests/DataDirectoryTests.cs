using CrmPlatform.AppHost.Testing;
using Npgsql;

namespace CrmPlatform.AppHost.Tests;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"crm-apphost-data-{Guid.NewGuid():N}");

    public DataDirectoryTests()
    {
        // World-traversable: as root, PostgreSQL runs as the postgres user and must reach its cluster below this folder.
        Directory.CreateDirectory(_dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    [Fact]
    public async Task Database_rows_survive_a_restart_and_fresh_wipes_them()
    {
        await WithCustomersDatabaseAsync([], async connection =>
        {
            await ExecuteAsync(connection, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        });

        await WithCustomersDatabaseAsync([], async connection =>
        {
            Assert.Equal(42, await ExecuteAsync(connection, "SELECT id FROM kept"));
        });

        await WithCustomersDatabaseAsync(["--fresh"], async connection =>
        {
            Assert.Equal(0L, await ExecuteAsync(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'"));
        });
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private async Task WithCustomersDatabaseAsync(string[] extraArguments, Func<NpgsqlConnection, Task> use)
    {
        await using var app = DistributedApplicationTestingBuilder.Create(["--only", "customersdb", "--data-dir", _dataDirectory, .. extraArguments]);
        await app.StartAsync();
        await using var connection = new NpgsqlConnection(app.GetConnectionString("customersdb"));
        await connection.OpenAsync();
        await use(connection);
    }
}
