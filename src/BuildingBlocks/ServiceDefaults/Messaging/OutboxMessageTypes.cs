using System.Collections.Concurrent;

namespace CrmPlatform.ServiceDefaults.Messaging;

/// <summary>Maps event CLR types to the stable names stored in the outbox, and back.</summary>
internal static class OutboxMessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: true)!);
}
