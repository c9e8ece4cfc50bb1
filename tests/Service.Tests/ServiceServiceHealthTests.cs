using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Service.Tests;

public sealed class ServiceServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
