using CrmPlatform.Gateway;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayForwarding();

var app = builder.Build();
app.UseGrpcWeb();
app.MapDefaultEndpoints();
app.MapGatewayForwarding();
app.Run();
