using Microsoft.Extensions.Logging;

namespace CrmPlatform.Grpc.Tests.Infrastructure;

public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message} {Exception}";
}
