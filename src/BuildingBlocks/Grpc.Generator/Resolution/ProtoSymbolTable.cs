using System;
using System.Collections.Generic;
using System.Linq;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

internal enum ProtoSymbolKind
{
    Package,
    Message,
    Enum,
    Service,
}

/// <summary>A named proto element that type lookup can land on.</summary>
internal sealed class ProtoSymbol
{
    public ProtoSymbol(ProtoSymbolKind kind, string fullName, ProtoFile file, string nestedName)
    {
        Kind = kind;
        FullName = fullName;
        File = file;
        NestedName = nestedName;
    }

    public ProtoSymbolKind Kind { get; }

    /// <summary>The name including the package, without leading dot.</summary>
    public string FullName { get; }

    public ProtoFile File { get; }

    /// <summary>The name relative to the package (<c>Outer.Inner</c>); empty for packages.</summary>
    public string NestedName { get; }

    public bool IsType => Kind is ProtoSymbolKind.Message or ProtoSymbolKind.Enum;
}

/// <summary>All symbols of a set of files, looked up by full name and filtered by the files visible from a given file.</summary>
internal sealed class ProtoSymbolTable
{
    private readonly Dictionary<string, List<ProtoSymbol>> symbolsByFullName = new(StringComparer.Ordinal);

    public ProtoSymbolTable(IEnumerable<ProtoFile> files)
    {
        foreach (var file in files)
        {
            AddPackages(file);
            var prefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
            foreach (var type in file.Types)
            {
                var kind = type.Kind == ProtoTypeKind.Message ? ProtoSymbolKind.Message : ProtoSymbolKind.Enum;
                Add(new ProtoSymbol(kind, prefix + type.NestedName, file, type.NestedName));
            }

            foreach (var service in file.Services)
            {
                Add(new ProtoSymbol(ProtoSymbolKind.Service, prefix + service.Name, file, service.Name));
            }
        }
    }

    /// <summary>The symbol with this full name defined in one of <paramref name="visibleFilePaths"/>.</summary>
    public ProtoSymbol? Find(string fullName, ISet<string> visibleFilePaths) =>
        symbolsByFullName.TryGetValue(fullName, out var candidates)
            ? candidates.FirstOrDefault(symbol => visibleFilePaths.Contains(symbol.File.Path))
            : null;

    /// <summary>All symbols with this full name, visible or not.</summary>
    public IReadOnlyList<ProtoSymbol> FindAnywhere(string fullName) =>
        symbolsByFullName.TryGetValue(fullName, out var candidates) ? candidates : (IReadOnlyList<ProtoSymbol>)Array.Empty<ProtoSymbol>();

    private void AddPackages(ProtoFile file)
    {
        if (file.Package.Length == 0)
        {
            return;
        }

        var segments = file.Package.Split('.');
        for (var length = 1; length <= segments.Length; length++)
        {
            var packageName = string.Join(".", segments.Take(length));
            Add(new ProtoSymbol(ProtoSymbolKind.Package, packageName, file, string.Empty));
        }
    }

    private void Add(ProtoSymbol symbol)
    {
        if (!symbolsByFullName.TryGetValue(symbol.FullName, out var list))
        {
            list = new List<ProtoSymbol>();
            symbolsByFullName.Add(symbol.FullName, list);
        }

        list.Add(symbol);
    }
}
