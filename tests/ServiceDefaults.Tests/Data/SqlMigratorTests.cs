using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Tests.Data;

[Collection(InfrastructureCollection.Name)]
public sealed class SqlMigratorTests(InfrastructureFixture infrastructure)
{
    private static readonly SqlMigration CreateItems = new(1, "create_items", "CREATE TABLE items (id int PRIMARY KEY);");
    private static readonly SqlMigration AddName = new(2, "add_name", "ALTER TABLE items ADD COLUMN name text;");

    [Fact]
    public async Task Scripts_are_applied_in_order_and_only_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(infrastructure));
        var migrator = new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance);

        var first = await migrator.ApplyAsync("svc", [CreateItems, AddName], CancellationToken.None);
        var second = await migrator.ApplyAsync("svc", [CreateItems, AddName], CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        await using var insert = dataSource.CreateCommand("INSERT INTO items (id, name) VALUES (1, 'x')");
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_changed_script_that_was_applied_fails_naming_the_script()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(infrastructure));
        var migrator = new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance);
        await migrator.ApplyAsync("svc", [CreateItems], CancellationToken.None);

        var changed = CreateItems with { Sql = "CREATE TABLE items (id bigint PRIMARY KEY);" };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => migrator.ApplyAsync("svc", [changed], CancellationToken.None));

        Assert.Contains("svc/0001_create_items.sql", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public async Task A_failing_script_leaves_no_trace_and_names_itself()
    {
        var connectionString = await TestDatabase.CreateAsync(infrastructure);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance);
        var broken = new SqlMigration(2, "broken", "CREATE TABLE half_done (id int); ALTER TABLE no_such_table ADD COLUMN x int;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => migrator.ApplyAsync("svc", [CreateItems, broken], CancellationToken.None));

        Assert.Contains("svc/0002_broken.sql", error.Message);
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"));
        Assert.Equal(1L, await TestDatabase.ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Replicas_migrating_at_once_apply_each_script_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(infrastructure));
        var replicas = Enumerable.Range(0, 4).Select(_ => new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance));

        var applied = await Task.WhenAll(replicas.Select(m => m.ApplyAsync("svc", [CreateItems, AddName], CancellationToken.None)));

        Assert.Equal(2, applied.Sum());
    }

    [Fact]
    public async Task Sources_keep_separate_version_histories()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(infrastructure));
        var migrator = new SqlMigrator(dataSource, NullLogger<SqlMigrator>.Instance);
        var otherFirst = new SqlMigration(1, "create_other", "CREATE TABLE other (id int);");

        Assert.Equal(1, await migrator.ApplyAsync("svc", [CreateItems], CancellationToken.None));
        Assert.Equal(1, await migrator.ApplyAsync("component", [otherFirst], CancellationToken.None));
    }

    [Fact]
    public void Embedded_scripts_load_in_version_order()
    {
        var migrations = SqlMigration.LoadFrom(typeof(NoteAddedConsumer).Assembly);

        Assert.Equal(["0001_create_notes.sql", "0002_notes_seen.sql", "0003_notes_seen_at.sql"], migrations.Select(m => m.FileName));
    }
}
