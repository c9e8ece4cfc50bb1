using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers an <see cref="NpgsqlDataSource"/> and its <see cref="PostgresReads"/>, both built from
    /// <c>ConnectionStrings__{connectionName}</c>, a readiness check, and applies the SQL scripts embedded in
    /// <paramref name="migrationsAssembly"/> before the service starts.
    /// </summary>
    public static TBuilder AddPostgres<TBuilder>(this TBuilder builder, string connectionName, Assembly migrationsAssembly)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");
        builder.Services.AddSingleton(_ => BuildDataSource(connectionString, multiplexing: false));
        builder.Services.AddSingleton(_ => new PostgresReads(BuildDataSource(connectionString, multiplexing: true)));
        builder.Services.AddSingleton<SqlMigrator>();
        builder.Services.AddSingleton(MigrationSource.FromAssembly(connectionName, migrationsAssembly));
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"postgres-{connectionName}");
        return builder;
    }

    /// <summary>
    /// Statements a connection has run twice are prepared on it (parsed and planned once), and connections go back to
    /// the pool without a reset: the services keep no session state beyond a call (SET LOCAL is per transaction, and a
    /// session advisory lock is released before its connection is closed).
    /// </summary>
    private static NpgsqlDataSource BuildDataSource(string connectionString, bool multiplexing)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Multiplexing = multiplexing;
        builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
