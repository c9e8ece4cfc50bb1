using CrmPlatform.Messaging.Probe;
using CrmPlatform.ServiceDefaults;
using CrmPlatform.ServiceDefaults.Data;
using CrmPlatform.ServiceDefaults.Messaging;
using MassTransit;

// A consumer in its own process, so tests can kill it mid-stream. ConnectionStrings__notes, ConnectionStrings__messaging,
// Endpoint (the queue name) and ASPNETCORE_URLS come from the environment; /health is ready once the queue is bound.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddPostgres("notes", typeof(NoteAddedConsumer).Assembly);
var endpoint = builder.Configuration["Endpoint"] ?? "notes";
builder.AddMessaging(bus => bus.AddConsumer<NoteAddedConsumer>().Endpoint(e => e.Name = endpoint));

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
