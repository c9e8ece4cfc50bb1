using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Gateway.Tests;

public sealed class GatewayServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
