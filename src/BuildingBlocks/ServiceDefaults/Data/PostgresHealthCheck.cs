using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

/// <summary>Readiness: the service's database answers a query.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException error)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", error);
        }
    }
}
