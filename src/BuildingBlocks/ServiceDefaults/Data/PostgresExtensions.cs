using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers an <see cref="NpgsqlDataSource"/> built from <c>ConnectionStrings__{connectionName}</c>, a readiness
    /// check, and applies the SQL scripts embedded in <paramref name="migrationsAssembly"/> before the service starts.
    /// </summary>
    public static TBuilder AddPostgres<TBuilder>(this TBuilder builder, string connectionName, Assembly migrationsAssembly)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");
        builder.Services.AddSingleton(_ => BuildDataSource(connectionString));
        builder.Services.AddSingleton<SqlMigrator>();
        builder.Services.AddSingleton(MigrationSource.FromAssembly(connectionName, migrationsAssembly));
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"postgres-{connectionName}");
        return builder;
    }

    /// <summary>
    /// Statements a connection has run twice are prepared on it (parsed and planned once), and connections go back to
    /// the pool without a reset: the services keep no session state (SET LOCAL and advisory locks are per transaction).
    /// </summary>
    private static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 128;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
