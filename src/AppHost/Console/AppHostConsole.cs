using Microsoft.Extensions.Logging;

namespace CrmPlatform.AppHost.Console;

/// <summary>The AppHost's console: log lines as "HH:mm:ss message", coloured by level, and whole blocks such as the resource table, never interleaved.</summary>
internal sealed class AppHostConsole : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly bool _colours = !System.Console.IsOutputRedirected;

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(this);

    public void WriteBlock(string text)
    {
        lock (_lock)
        {
            System.Console.Out.Write(text);
            System.Console.Out.Flush();
        }
    }

    public void Dispose()
    {
    }

    private void WriteLine(LogLevel level, string message, Exception? exception)
    {
        var colour = level switch
        {
            >= LogLevel.Error => ConsoleColor.Red,
            LogLevel.Warning => ConsoleColor.Yellow,
            _ => (ConsoleColor?)null,
        };
        lock (_lock)
        {
            if (_colours && colour is { } c)
            {
                System.Console.ForegroundColor = c;
            }

            System.Console.Out.WriteLine($"{DateTime.Now:HH:mm:ss} {message}");
            if (exception is not null)
            {
                System.Console.Out.WriteLine($"         {exception.Message.ReplaceLineEndings($"{Environment.NewLine}         ")}");
            }

            if (_colours && colour is not null)
            {
                System.Console.ResetColor();
            }
        }
    }

    private sealed class ConsoleLogger(AppHostConsole console) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                console.WriteLine(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
