using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Data;

public static class DbContextExtensions
{
    /// <summary>
    /// A pooled EF Core <typeparamref name="TContext"/> over the <see cref="NpgsqlDataSource"/> that
    /// <see cref="PostgresExtensions.AddPostgres{TBuilder}"/> registered: EF maps onto the tables the SQL migrations
    /// create, and never creates or migrates schema itself.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddDbContextPool<TContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
        return builder;
    }
}
