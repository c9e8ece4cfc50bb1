using System.Reflection;
using System.Runtime.ExceptionServices;
using CrmPlatform.AppHost.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmPlatform.AppHost.Testing;

/// <summary>
/// The AppHost's topology (src/AppHost/Program.cs) for tests and benchmarks, in the spirit of Aspire's
/// <c>DistributedApplicationTestingBuilder</c>: Program.cs runs up to <c>RunAsync</c>, which hands the built
/// application back instead of running it. Start it with <see cref="DistributedApplication.StartAsync"/>.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>
    /// Builds the platform with <paramref name="args"/> (AppHost options, e.g. <c>--only customers</c>). Unless they say
    /// otherwise, server data is temporary; preferred ports are ignored, so tests never fight over 8080.
    /// </summary>
    public static DistributedApplication Create(IEnumerable<string>? args = null, ILoggerFactory? loggerFactory = null)
    {
        var arguments = args?.ToList() ?? [];
        if (!arguments.Contains("--data-dir"))
        {
            arguments.Add("--temporary-data");
        }

        arguments.Add("--any-ports");
        var capture = new TestingCapture(loggerFactory ?? NullLoggerFactory.Instance);
        var entryPoint = typeof(DistributedApplication).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The AppHost assembly has no entry point.");
        TestingCapture.Current = capture;
        try
        {
            entryPoint.Invoke(null, [arguments.ToArray()]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
        finally
        {
            TestingCapture.Current = null;
        }

        return capture.Application ?? throw new InvalidOperationException("Program.cs did not call RunAsync on the application it built.");
    }
}
