using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Customers.Tests;

public sealed class CustomersServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
