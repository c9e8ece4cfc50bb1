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
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton<SqlMigrator>();
        builder.Services.AddSingleton(MigrationSource.FromAssembly(connectionName, migrationsAssembly));
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"postgres-{connectionName}");
        return builder;
    }
}
