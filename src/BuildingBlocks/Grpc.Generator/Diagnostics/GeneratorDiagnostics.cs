using Microsoft.CodeAnalysis;

namespace CrmPlatform.Grpc.Generator.Diagnostics;

/// <summary>The errors the generator reports instead of emitting code it cannot get right.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "CrmPlatform.Grpc.Generator";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "CRMGRPC001",
        "Invalid .proto file",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The .proto file could not be parsed; no gRPC code is generated for it.");

    public static readonly DiagnosticDescriptor UnknownType = new(
        "CRMGRPC002",
        "Unknown message type",
        "rpc '{0}' refers to '{1}', which is not defined{2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Request and response types must be declared in the same file or in an imported .proto file that is one of the project's AdditionalFiles, or be a well-known type.");

    public static readonly DiagnosticDescriptor NotAMessage = new(
        "CRMGRPC003",
        "rpc type is not a message",
        "rpc '{0}' refers to '{1}', which is {2}, not a message",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "gRPC requests and responses must be message types.");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "CRMGRPC004",
        "Duplicate gRPC name",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Services must have distinct C# names within a namespace and rpcs distinct names within a service.");

    public static readonly DiagnosticDescriptor NameClash = new(
        "CRMGRPC005",
        "Service name clashes with a generated type",
        "Service '{0}' would generate the C# class '{1}', which protoc already generates for {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The static class generated for a service would collide with a message, enum or reflection class of the same namespace; rename the service or the type.");

    public static readonly DiagnosticDescriptor MemberNameClash = new(
        "CRMGRPC006",
        "rpc name clashes with a generated member",
        "rpc '{0}' would generate the member '{1}' in '{2}', which {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Generated server and client methods are named after the rpc (unary client methods with an Async suffix); rename the rpc.");
}
