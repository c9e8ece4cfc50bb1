using CrmPlatform.AppHost.Model;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Testing;

/// <summary>Set while <see cref="DistributedApplicationTestingBuilder"/> runs Program.cs: receives the application instead of running it.</summary>
internal sealed class TestingCapture(ILoggerFactory loggerFactory)
{
    private static readonly AsyncLocal<TestingCapture?> CurrentCapture = new();

    public static TestingCapture? Current
    {
        get => CurrentCapture.Value;
        set => CurrentCapture.Value = value;
    }

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public DistributedApplication? Application { get; set; }
}
