using CrmPlatform.Customers.Application;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Grpc;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using CrmPlatform.ServiceDefaults.Security;

namespace CrmPlatform.Customers;

/// <summary>Everything the Customers service registers and maps, used by Program.cs and by the tests' in-process server.</summary>
public static class CustomersServiceExtensions
{
    public const string DatabaseName = "customers";

    /// <summary>
    /// The database (<c>ConnectionStrings__customers</c>, migrated at start-up), the outbox on RabbitMQ
    /// (<c>ConnectionStrings__messaging</c>), caller tokens (<c>Auth__*</c>) and the gRPC API. National phone numbers
    /// are read in <c>Customers__DefaultPhoneRegion</c> (an ISO country code, default US). Relationship phases and value
    /// tiers are re-derived as time passes every <c>Customers__DerivationSweepInterval</c> (a TimeSpan, default one hour); the background
    /// duplicate scan runs every <c>Customers__DuplicateScanInterval</c> (a TimeSpan, default one hour), and for a tenant
    /// at once when one of its imports finishes.
    /// </summary>
    public static TBuilder AddCustomersService<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPostgres(DatabaseName, typeof(CustomersServiceExtensions).Assembly);
        builder.AddMessaging();
        builder.AddCallerAuthentication();
        builder.Services.AddGrpc(options => options.Interceptors.Add<DomainErrorInterceptor>());
        builder.Services.AddSingleton(new PhoneNumbers(builder.Configuration["Customers:DefaultPhoneRegion"] ?? "US"));
        builder.Services.AddSingleton<AccountOperations>();
        builder.Services.AddSingleton<ContactOperations>();
        builder.Services.AddSingleton<HistoryOperations>();
        builder.Services.AddSingleton<CustomFieldOperations>();
        builder.Services.AddSingleton<RelationshipOperations>();
        builder.Services.AddSingleton<ConsentOperations>();
        builder.Services.AddSingleton<PrivacyOperations>();
        builder.Services.AddSingleton<AccountDerivation>();
        builder.Services.AddSingleton<InteractionOperations>();
        builder.Services.AddSingleton<Customer360Operations>();
        builder.Services.AddSingleton<ValueTierOperations>();
        builder.Services.AddSingleton<ValueTierRuleCache>();
        builder.Services.AddSingleton<TimelineApi>();
        builder.Services.AddSingleton<DerivationSweep>();
        builder.Services.AddSingleton(new DerivationSweepSettings(
            builder.Configuration.GetValue("Customers:DerivationSweepInterval", DerivationSweepSettings.DefaultInterval)));
        builder.Services.AddHostedService<DerivationSweepService>();
        builder.Services.AddSingleton<DuplicateScanOperations>();
        builder.Services.AddSingleton<MergeOperations>();
        builder.Services.AddSingleton<ImportOperations>();
        builder.Services.AddSingleton<MergeAndImportApi>();
        builder.Services.AddSingleton(new DuplicateScanSettings(
            builder.Configuration.GetValue("Customers:DuplicateScanInterval", DuplicateScanSettings.DefaultInterval)));
        builder.Services.AddHostedService<DuplicateScanService>();
        builder.Services.AddSingleton<DuplicateScanRequests>();
        builder.Services.AddHostedService<RequestedDuplicateScanService>();
        return builder;
    }

    public static WebApplication MapCustomersService(this WebApplication app)
    {
        app.MapGrpcService<CustomersService>();
        return app;
    }
}
