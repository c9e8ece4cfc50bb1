using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Marketing.Tests;

public sealed class MarketingServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
