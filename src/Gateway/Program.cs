using CrmPlatform.Gateway;
using CrmPlatform.Gateway.WebApp;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayIdentity();
builder.AddGatewayForwarding();

var app = builder.Build();
app.UseGrpcWeb();
app.UseGatewayIdentity();
app.MapDefaultEndpoints();
app.MapGatewayIdentity();
app.MapWebApp();
app.MapGatewayForwarding();
app.Run();
