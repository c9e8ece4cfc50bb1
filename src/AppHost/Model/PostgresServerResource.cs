namespace CrmPlatform.AppHost.Model;

/// <summary>A private PostgreSQL server; its data lives in <c>&lt;data&gt;/&lt;name&gt;</c>.</summary>
public sealed class PostgresServerResource(string name) : Resource(name)
{
    private readonly List<PostgresDatabaseResource> _databases = [];

    public override string Kind => "postgres";

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    /// <summary>A database on this server, created at start-up if missing (named <paramref name="databaseName"/>, default <paramref name="name"/>).</summary>
    public PostgresDatabaseResource AddDatabase(string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, this, databaseName ?? name);
        _databases.Add(database);
        return database;
    }
}
