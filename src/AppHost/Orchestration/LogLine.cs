namespace CrmPlatform.AppHost.Orchestration;

/// <summary>One console line of a resource's process.</summary>
/// <param name="Timestamp">When the AppHost read it.</param>
/// <param name="Source">The process that wrote it (the resource itself, or e.g. "initdb", "epmd").</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="IsError">True when it came from standard error.</param>
public readonly record struct LogLine(DateTimeOffset Timestamp, string Source, string Text, bool IsError);
