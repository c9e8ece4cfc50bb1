using CrmPlatform.AppHost.Model;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var customersDb = postgres.AddDatabase("customersdb", databaseName: "customers");
var messaging = builder.AddRabbitMQ("messaging");

var customers = builder.AddProject("customers", "src/Customers")
    .WithReference(customersDb).WaitFor(customersDb)
    .WithReference(messaging).WaitFor(messaging);
var sales = builder.AddProject("sales", "src/Sales");
var service = builder.AddProject("service", "src/Service");
var marketing = builder.AddProject("marketing", "src/Marketing");
var analytics = builder.AddProject("analytics", "src/Analytics");

builder.AddProject("gateway", "src/Gateway")
    .WithHttpEndpoint(8080)
    .WithGrpcEndpoint(8081)
    .WithReference(customers).WaitFor(customers)
    .WithReference(sales).WaitFor(sales)
    .WithReference(service).WaitFor(service)
    .WithReference(marketing).WaitFor(marketing)
    .WithReference(analytics).WaitFor(analytics);

await builder.Build().RunAsync();
