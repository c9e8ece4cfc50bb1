namespace CrmPlatform.AppHost.Model;

/// <summary>One database on a <see cref="PostgresServerResource"/>; a reference passes its Npgsql connection string.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    internal PostgresDatabaseResource(string name, PostgresServerResource server, string databaseName)
        : base(name)
    {
        Server = server;
        DatabaseName = databaseName;
    }

    public override string Kind => "database";

    public PostgresServerResource Server { get; }

    public string DatabaseName { get; }

    public override IEnumerable<Resource> Needs => base.Needs.Append(Server).Distinct();
}
