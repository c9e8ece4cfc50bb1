using Microsoft.Extensions.Logging;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

/// <summary>Keeps the warnings and errors a server logs, so tests can assert that nothing escaped the gRPC layer.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<LogRecord> _records = [];

    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Everything logged at Error or above, by any category.</summary>
    public IReadOnlyList<LogRecord> Errors => [.. Records.Where(r => r.Level >= LogLevel.Error)];

    /// <summary>Errors that Kestrel or ASP.NET Core logged for exceptions thrown out of the request pipeline.</summary>
    public IReadOnlyList<LogRecord> UnhandledExceptions =>
        [.. Records.Where(r => r.Level >= LogLevel.Error && r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogRecord record)
    {
        lock (_records)
        {
            _records.Add(record);
        }
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add(new LogRecord(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
