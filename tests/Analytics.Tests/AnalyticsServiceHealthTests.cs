using CrmPlatform.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Analytics.Tests;

public sealed class AnalyticsServiceHealthTests(WebApplicationFactory<Program> factory) : ServiceHealthTests<Program>(factory);
