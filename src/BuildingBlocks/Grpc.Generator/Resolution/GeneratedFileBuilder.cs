using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>
/// Turns the parsed .proto files of a project into one <see cref="GeneratedFileModel"/> per file that
/// has services or errors: resolves rpc types to C# names and checks for clashes.
/// </summary>
internal sealed class GeneratedFileBuilder
{
    private readonly ProtoFileSet fileSet;
    private readonly ProtoSymbolTable symbols;
    private readonly Dictionary<string, (ProtoFile File, ProtoService Service)> firstServiceByClassName = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedHintNames = new(StringComparer.OrdinalIgnoreCase);

    private GeneratedFileBuilder(IReadOnlyList<ProtoFile> projectFiles)
    {
        fileSet = new ProtoFileSet(projectFiles);
        symbols = new ProtoSymbolTable(fileSet.AllFiles);
        foreach (var file in projectFiles.Where(file => file.SyntaxError is null))
        {
            foreach (var service in file.Services)
            {
                var className = CSharpNames.QualifiedName(CSharpNames.FileNamespace(file), service.Name);
                if (!firstServiceByClassName.ContainsKey(className))
                {
                    firstServiceByClassName.Add(className, (file, service));
                }
            }
        }
    }

    public static IReadOnlyList<GeneratedFileModel> Build(IReadOnlyList<ProtoFile> additionalFiles, CancellationToken cancellationToken)
    {
        // The same file listed twice as an AdditionalFile is still one file.
        var projectFiles = additionalFiles
            .GroupBy(file => file.Path.Replace('\\', '/'), StringComparer.Ordinal)
            .Select(group => group.First())
            .ToList();
        var builder = new GeneratedFileBuilder(projectFiles);
        var models = new List<GeneratedFileModel>();
        foreach (var file in projectFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.SyntaxError is not null || file.Services.Count > 0)
            {
                models.Add(builder.BuildFile(file));
            }
        }

        return models;
    }

    private GeneratedFileModel BuildFile(ProtoFile file)
    {
        var @namespace = CSharpNames.FileNamespace(file);
        var hintName = UniqueHintName(@namespace, CSharpNames.ReflectionClassName(file));
        var diagnostics = new List<DiagnosticInfo>();
        if (file.SyntaxError is { } syntaxError)
        {
            diagnostics.Add(Diagnostic(DiagnosticKind.SyntaxError, file, syntaxError.Span, syntaxError.Message));
            return new GeneratedFileModel(hintName, file.Path, file.FileName, @namespace, EquatableArray<ServiceModel>.Empty, diagnostics.ToEquatableArray());
        }

        var visibleFiles = fileSet.VisibleFiles(file);
        if (visibleFiles.Any(visible => visible.SyntaxError is not null))
        {
            // The invalid import reports its own error; its types cannot be trusted here.
            return new GeneratedFileModel(hintName, file.Path, file.FileName, @namespace, EquatableArray<ServiceModel>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var context = new FileContext(file, @namespace, new TypeResolver(symbols, visibleFiles), diagnostics);
        var services = new List<ServiceModel>();
        for (var serviceIndex = 0; serviceIndex < file.Services.Count; serviceIndex++)
        {
            var service = BuildService(context, file.Services[serviceIndex], serviceIndex);
            if (service is not null)
            {
                services.Add(service);
            }
        }

        return new GeneratedFileModel(
            hintName,
            file.Path,
            file.FileName,
            @namespace,
            diagnostics.Count > 0 ? EquatableArray<ServiceModel>.Empty : services.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private ServiceModel? BuildService(FileContext context, ProtoService service, int serviceIndex)
    {
        var file = context.File;
        var className = CSharpNames.QualifiedName(context.Namespace, service.Name);
        var first = firstServiceByClassName[className];
        if (!ReferenceEquals(first.Service, service))
        {
            context.Diagnostics.Add(Diagnostic(
                DiagnosticKind.DuplicateName,
                file,
                service.Span,
                string.Format(CultureInfo.InvariantCulture, "Service '{0}' is declared more than once in C# namespace '{1}' (first in '{2}').", service.Name, context.Namespace, first.File.FileName)));
            return null;
        }

        var clash = FindClashingType(context.Namespace, service.Name);
        if (clash is not null)
        {
            context.Diagnostics.Add(Diagnostic(DiagnosticKind.NameClash, file, service.Span, service.Name, className, clash));
            return null;
        }

        var packagePrefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
        var methods = new List<MethodModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in service.Methods)
        {
            if (!methodNames.Add(method.Name))
            {
                context.Diagnostics.Add(Diagnostic(
                    DiagnosticKind.DuplicateName,
                    file,
                    method.Span,
                    string.Format(CultureInfo.InvariantCulture, "rpc '{0}' is declared more than once in service '{1}'.", method.Name, service.Name)));
                continue;
            }

            var scope = packagePrefix + service.Name + "." + method.Name;
            var requestType = ResolveMessage(context, method, method.Request, scope);
            var responseType = ResolveMessage(context, method, method.Response, scope);
            if (requestType is not null && responseType is not null)
            {
                methods.Add(new MethodModel(method.Name, KindOf(method), requestType, responseType, method.Comment, method.IsDeprecated));
            }
        }

        foreach (var memberClash in MemberNameClashes.Find(service))
        {
            context.Diagnostics.Add(Diagnostic(
                DiagnosticKind.MemberNameClash,
                file,
                memberClash.Method.Span,
                memberClash.Method.Name,
                memberClash.Member,
                memberClash.ClassName,
                memberClash.Reason));
        }

        var descriptor = CSharpNames.QualifiedName(context.Namespace, CSharpNames.ReflectionClassName(file))
            + ".Descriptor.Services[" + serviceIndex.ToString(CultureInfo.InvariantCulture) + "]";
        return new ServiceModel(service.Name, packagePrefix + service.Name, descriptor, service.Comment, service.IsDeprecated, methods.ToEquatableArray());
    }

    /// <summary>Describes a protoc-generated type of <paramref name="namespace"/> named <paramref name="className"/>, if any.</summary>
    private string? FindClashingType(string @namespace, string className)
    {
        foreach (var file in fileSet.ProjectFiles.Where(file => CSharpNames.FileNamespace(file) == @namespace))
        {
            if (CSharpNames.ReflectionClassName(file) == className)
            {
                return "the file '" + file.FileName + "'";
            }

            var type = file.Types.FirstOrDefault(type => type.NestedName == className);
            if (type is not null)
            {
                return (type.Kind == ProtoTypeKind.Message ? "message '" : "enum '") + type.NestedName + "' in '" + file.FileName + "'";
            }
        }

        return null;
    }

    private string? ResolveMessage(FileContext context, ProtoMethod method, ProtoTypeReference reference, string scope)
    {
        var resolution = context.Resolver.Resolve(reference.Name, scope);
        var symbol = resolution.Symbol;
        if (symbol is null)
        {
            context.Diagnostics.Add(Diagnostic(
                DiagnosticKind.UnknownType,
                context.File,
                reference.Span,
                method.Name,
                reference.Name,
                DescribeLookupFailure(context.File, reference.Name, scope, resolution)));
            return null;
        }

        if (symbol.Kind != ProtoSymbolKind.Message)
        {
            var description = symbol.Kind switch
            {
                ProtoSymbolKind.Enum => "an enum",
                ProtoSymbolKind.Service => "a service",
                _ => "a package",
            };
            context.Diagnostics.Add(Diagnostic(DiagnosticKind.NotAMessage, context.File, reference.Span, method.Name, reference.Name, description));
            return null;
        }

        return CSharpNames.TypeName(symbol.File, symbol.NestedName);
    }

    private string DescribeLookupFailure(ProtoFile file, string writtenName, string scope, TypeResolution resolution)
    {
        var description = new StringBuilder(" in this file or the files it imports");
        var isRelativeCompoundName = writtenName.IndexOf('.') > 0;
        if (isRelativeCompoundName && resolution.SearchedFullName != writtenName)
        {
            description.Append(" (it resolves to '").Append(resolution.SearchedFullName).Append("')");
        }

        var declaredElsewhere = CandidateFullNames(writtenName, scope)
            .SelectMany(symbols.FindAnywhere)
            .FirstOrDefault(symbol => symbol.IsType);
        if (declaredElsewhere is not null)
        {
            description.Append("; it is declared in '").Append(declaredElsewhere.File.FileName).Append("', which is not imported");
        }

        var unresolvedImports = fileSet.UnresolvedImports(file);
        if (unresolvedImports.Count > 0)
        {
            description
                .Append("; these imports are not among the project's AdditionalFiles: ")
                .Append(string.Join(", ", unresolvedImports.Select(import => "'" + import.ImportedPath + "'")));
        }

        return description.ToString();
    }

    /// <summary>The full names a written name could mean from <paramref name="scope"/>, innermost first.</summary>
    private static IEnumerable<string> CandidateFullNames(string writtenName, string scope)
    {
        if (writtenName.StartsWith(".", StringComparison.Ordinal))
        {
            yield return writtenName.Substring(1);
            yield break;
        }

        for (var end = scope.LastIndexOf('.'); end > 0; end = scope.LastIndexOf('.', end - 1))
        {
            yield return scope.Substring(0, end) + "." + writtenName;
        }

        yield return writtenName;
    }

    private static MethodKind KindOf(ProtoMethod method) => (method.ClientStreaming, method.ServerStreaming) switch
    {
        (false, false) => MethodKind.Unary,
        (true, false) => MethodKind.ClientStreaming,
        (false, true) => MethodKind.ServerStreaming,
        _ => MethodKind.DuplexStreaming,
    };

    private string UniqueHintName(string @namespace, string reflectionClassName)
    {
        var baseName = new StringBuilder();
        foreach (var character in (@namespace.Length == 0 ? string.Empty : @namespace + ".") + reflectionClassName.Substring(0, reflectionClassName.Length - "Reflection".Length) + "Grpc")
        {
            baseName.Append(char.IsLetterOrDigit(character) || character == '.' ? character : '_');
        }

        var hintName = baseName + ".g.cs";
        for (var suffix = 2; !usedHintNames.Add(hintName); suffix++)
        {
            hintName = baseName + "_" + suffix.ToString(CultureInfo.InvariantCulture) + ".g.cs";
        }

        return hintName;
    }

    private static DiagnosticInfo Diagnostic(DiagnosticKind kind, ProtoFile file, SourceSpan span, params string[] arguments) =>
        new(kind, file.Path, span, arguments.ToEquatableArray());

    /// <summary>What the checks of one file share.</summary>
    private sealed class FileContext
    {
        public FileContext(ProtoFile file, string @namespace, TypeResolver resolver, List<DiagnosticInfo> diagnostics)
        {
            File = file;
            Namespace = @namespace;
            Resolver = resolver;
            Diagnostics = diagnostics;
        }

        public ProtoFile File { get; }

        public string Namespace { get; }

        public TypeResolver Resolver { get; }

        public List<DiagnosticInfo> Diagnostics { get; }
    }
}
