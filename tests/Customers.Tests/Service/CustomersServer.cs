using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults;
using CrmPlatform.ServiceDefaults.Security;
using CrmPlatform.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Proto = CrmPlatform.Contracts.Customers.V1;

namespace CrmPlatform.Customers.Tests.Service;

/// <summary>
/// The Customers service as it runs in production (same registrations as Program.cs, Kestrel endpoint from
/// configuration, h2c), on a private PostgreSQL and RabbitMQ, with an <see cref="EventRecorder"/> listening to its
/// events. Shared by the tests of a collection; tests keep apart by using their own tenants.
/// </summary>
public sealed class CustomersServer : IAsyncLifetime
{
    public static readonly TokenSettings Auth = new("crm-tests", "crm-services", "customers-tests-signing-key-at-least-32-bytes");

    private readonly InfrastructureFixture _infrastructure = new();
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public Proto.Customers.CustomersClient Client { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public EventRecorder Events { get; private set; } = null!;

    public InfrastructureFixture Infrastructure => _infrastructure;

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        await _infrastructure.Postgres.CreateDatabaseAsync(CustomersServiceExtensions.DatabaseName);
        var connectionString = _infrastructure.Postgres.ConnectionString(CustomersServiceExtensions.DatabaseName);
        Events = await EventRecorder.StartAsync(_infrastructure.RabbitMq.ConnectionString);

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:customers"] = connectionString,
            ["ConnectionStrings:messaging"] = _infrastructure.RabbitMq.ConnectionString,
            ["Auth:Issuer"] = Auth.Issuer,
            ["Auth:Audience"] = Auth.Audience,
            ["Auth:SigningKey"] = Auth.SigningKey,
            ["Kestrel:Endpoints:grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Customers:DefaultPhoneRegion"] = "US",
            ["Customers:DuplicateScanInterval"] = "00:00:02",
        });
        builder.AddServiceDefaults();
        builder.AddCustomersService();
        _app = builder.Build();
        _app.MapCustomersService();
        _app.MapDefaultEndpoints();
        await _app.StartAsync();

        Address = new Uri(_app.Urls.Single());
        Channel = GrpcChannel.ForAddress(Address);
        Client = new Proto.Customers.CustomersClient(Channel);
        Database = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>A caller with a valid token for this server.</summary>
    public TestUser User(string tenantId, string userId, string[] roles, params string[] teams)
    {
        var caller = new Caller(userId, tenantId, roles.ToHashSet(), teams.ToHashSet());
        var token = new CallerTokens(Auth, TimeProvider.System).Issue(caller, TimeSpan.FromMinutes(30));
        return new TestUser(caller, new Metadata { { "authorization", "Bearer " + token } });
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }
}

/// <summary>The test collection sharing one <see cref="CustomersServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CustomersServerCollection : ICollectionFixture<CustomersServer>
{
    public const string Name = "customers-server";
}

/// <summary>A caller and the headers carrying their token.</summary>
public sealed record TestUser(Caller Caller, Metadata Headers)
{
    public string UserId => Caller.UserId;

    public string TenantId => Caller.TenantId;
}
