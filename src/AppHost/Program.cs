using CrmPlatform.AppHost.Demo;
using CrmPlatform.AppHost.Model;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var customersDb = postgres.AddDatabase("customersdb", databaseName: "customers");
var gatewayDb = postgres.AddDatabase("gatewaydb", databaseName: "gateway");
var messaging = builder.AddRabbitMQ("messaging");
var tokens = builder.AddCallerTokens(issuer: "crm-gateway", audience: "crm-services");

var customers = builder.AddProject("customers", "src/Customers")
    .WithReference(customersDb, connectionName: "customers").WaitFor(customersDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithCallerTokens(tokens);
var sales = builder.AddProject("sales", "src/Sales").WithCallerTokens(tokens);
var service = builder.AddProject("service", "src/Service").WithCallerTokens(tokens);
var marketing = builder.AddProject("marketing", "src/Marketing").WithCallerTokens(tokens);
var analytics = builder.AddProject("analytics", "src/Analytics").WithCallerTokens(tokens);

builder.AddProject("gateway", "src/Gateway")
    .WithHttpEndpoint(8080)
    .WithGrpcEndpoint(8081)
    .WithCallerTokens(tokens)
    .WithReference(gatewayDb, connectionName: "gateway").WaitFor(gatewayDb)
    .WithReference(customers).WaitFor(customers)
    .WithReference(sales).WaitFor(sales)
    .WithReference(service).WaitFor(service)
    .WithReference(marketing).WaitFor(marketing)
    .WithReference(analytics).WaitFor(analytics);

if (builder.Options.Demo)
{
    builder.AddDemoData(customers, tokens);
}

await builder.Build().RunAsync();
