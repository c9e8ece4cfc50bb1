using CrmPlatform.Grpc.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CrmPlatform.Grpc.Generator.Model;

/// <summary>
/// The generator's output for one .proto file: the services to emit (empty when the file has
/// errors) and the diagnostics to report.
/// </summary>
internal sealed record GeneratedFileModel(
    string HintName,
    string ProtoPath,
    string ProtoFileName,
    string Namespace,
    EquatableArray<ServiceModel> Services,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A service with every type already resolved to C#.</summary>
/// <param name="Name">The service name as declared; also the name of the generated static class.</param>
/// <param name="FullName">The proto full name, <c>package.Service</c>.</param>
/// <param name="DescriptorExpression">The C# expression of the service's <c>ServiceDescriptor</c>.</param>
internal sealed record ServiceModel(
    string Name,
    string FullName,
    string DescriptorExpression,
    string? Comment,
    bool IsDeprecated,
    EquatableArray<MethodModel> Methods);

internal enum MethodKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <param name="Name">The rpc name as declared (used on the wire).</param>
/// <param name="RequestType">Fully qualified C# type name, starting with <c>global::</c>.</param>
/// <param name="ResponseType">Fully qualified C# type name, starting with <c>global::</c>.</param>
internal sealed record MethodModel(string Name, MethodKind Kind, string RequestType, string ResponseType, string? Comment, bool IsDeprecated);

internal enum DiagnosticKind
{
    SyntaxError,
    UnknownType,
    NotAMessage,
    DuplicateName,
    NameClash,
    MemberNameClash,
}

/// <summary>A diagnostic in value-equatable form, turned into a <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticKind Kind, string ProtoPath, SourceSpan Span, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Kind switch
        {
            DiagnosticKind.SyntaxError => GeneratorDiagnostics.SyntaxError,
            DiagnosticKind.UnknownType => GeneratorDiagnostics.UnknownType,
            DiagnosticKind.NotAMessage => GeneratorDiagnostics.NotAMessage,
            DiagnosticKind.DuplicateName => GeneratorDiagnostics.DuplicateName,
            DiagnosticKind.NameClash => GeneratorDiagnostics.NameClash,
            _ => GeneratorDiagnostics.MemberNameClash,
        };
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Span.ToLocation(ProtoPath), arguments);
    }
}
