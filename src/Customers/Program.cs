using CrmPlatform.Customers;
using CrmPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCustomersService();

var app = builder.Build();
app.MapCustomersService();
app.MapDefaultEndpoints();
app.Run();
