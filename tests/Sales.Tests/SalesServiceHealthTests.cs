using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Sales.Tests;

public sealed class SalesServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
