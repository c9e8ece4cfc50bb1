using CrmPlatform.Gateway;
using CrmPlatform.Grpc;
using CrmPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayIdentity();

var app = builder.Build();
app.UseGrpcWeb();
app.UseGatewayIdentity();
app.MapDefaultEndpoints();
app.MapGatewayIdentity();
app.Run();
