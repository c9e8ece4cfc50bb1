using System.Reflection;

namespace CrmPlatform.ServiceDefaults.Data;

/// <summary>The scripts one component contributes to a service's database (the service itself, or the outbox).</summary>
public sealed record MigrationSource(string Name, IReadOnlyList<SqlMigration> Migrations)
{
    public static MigrationSource FromAssembly(string name, Assembly assembly) => new(name, SqlMigration.LoadFrom(assembly));
}
