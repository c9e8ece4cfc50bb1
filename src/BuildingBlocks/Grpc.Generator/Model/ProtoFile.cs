namespace CrmPlatform.Grpc.Generator.Model;

/// <summary>
/// What the generator needs from one parsed .proto file. <see cref="SyntaxError"/> is set when the
/// parser stopped early; everything before the error is still recorded.
/// </summary>
internal sealed record ProtoFile(
    string Path,
    string Package,
    string? CSharpNamespace,
    EquatableArray<ProtoImport> Imports,
    EquatableArray<ProtoTypeDeclaration> Types,
    EquatableArray<ProtoService> Services,
    ProtoSyntaxError? SyntaxError)
{
    /// <summary>The file name without directories, e.g. <c>customers.proto</c>.</summary>
    public string FileName
    {
        get
        {
            var lastSeparator = Path.LastIndexOfAny(new[] { '/', '\\' });
            return lastSeparator < 0 ? Path : Path.Substring(lastSeparator + 1);
        }
    }
}

/// <summary>An <c>import</c> statement; <see cref="ImportedPath"/> is relative to a proto root.</summary>
internal sealed record ProtoImport(string ImportedPath, bool IsPublic, SourceSpan Span);

internal enum ProtoTypeKind
{
    Message,
    Enum,
}

/// <summary>
/// A message or enum declared in a file. <see cref="NestedName"/> is the name relative to the
/// package, with nesting written with dots (<c>Outer.Inner</c>).
/// </summary>
internal sealed record ProtoTypeDeclaration(string NestedName, ProtoTypeKind Kind);

/// <summary>A <c>service</c> block with its leading comment and whether it has <c>option deprecated = true</c>.</summary>
internal sealed record ProtoService(string Name, string? Comment, bool IsDeprecated, SourceSpan Span, EquatableArray<ProtoMethod> Methods);

/// <summary>An <c>rpc</c> declaration.</summary>
internal sealed record ProtoMethod(
    string Name,
    ProtoTypeReference Request,
    bool ClientStreaming,
    ProtoTypeReference Response,
    bool ServerStreaming,
    string? Comment,
    bool IsDeprecated,
    SourceSpan Span);

/// <summary>A type name as written in the file, possibly fully qualified with a leading dot.</summary>
internal sealed record ProtoTypeReference(string Name, SourceSpan Span);

internal sealed record ProtoSyntaxError(string Message, SourceSpan Span);
