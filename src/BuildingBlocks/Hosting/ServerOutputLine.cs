namespace CrmPlatform.Hosting;

/// <summary>One line a server process wrote to its console.</summary>
/// <param name="Source">The process that wrote it, e.g. "postgres", "rabbitmq", "epmd".</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="IsError">True when it came from standard error.</param>
public sealed record ServerOutputLine(string Source, string Text, bool IsError);
