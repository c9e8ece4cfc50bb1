using System;
using System.Collections.Generic;
using System.Linq;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>
/// The outcome of resolving a type name: the symbol, or the full name protoc would have looked for.
/// </summary>
internal sealed class TypeResolution
{
    public TypeResolution(ProtoSymbol? symbol, string searchedFullName)
    {
        Symbol = symbol;
        SearchedFullName = searchedFullName;
    }

    public ProtoSymbol? Symbol { get; }

    public string SearchedFullName { get; }
}

/// <summary>
/// Resolves type names the way protoc does (C++-like scoping): a leading dot means fully qualified;
/// otherwise the first name component is searched from the innermost scope outwards, and once found
/// the rest of the name must exist inside it.
/// </summary>
internal sealed class TypeResolver
{
    private readonly ProtoSymbolTable symbols;
    private readonly ISet<string> visibleFilePaths;

    public TypeResolver(ProtoSymbolTable symbols, IEnumerable<ProtoFile> visibleFiles)
    {
        this.symbols = symbols;
        visibleFilePaths = new HashSet<string>(visibleFiles.Select(file => file.Path), StringComparer.Ordinal);
    }

    /// <param name="name">The name as written, e.g. <c>Outer.Inner</c> or <c>.crm.common.v1.Money</c>.</param>
    /// <param name="scope">The full name of the element the name is written in, e.g. <c>crm.v1.Greeter.SayHello</c>.</param>
    public TypeResolution Resolve(string name, string scope)
    {
        if (name.StartsWith(".", StringComparison.Ordinal))
        {
            var fullName = name.Substring(1);
            return new TypeResolution(symbols.Find(fullName, visibleFilePaths), fullName);
        }

        var firstDot = name.IndexOf('.');
        var firstComponent = firstDot < 0 ? name : name.Substring(0, firstDot);
        var scopeToTry = scope;
        while (true)
        {
            var lastDot = scopeToTry.LastIndexOf('.');
            if (lastDot < 0)
            {
                return new TypeResolution(symbols.Find(name, visibleFilePaths), name);
            }

            scopeToTry = scopeToTry.Substring(0, lastDot);
            var found = symbols.Find(scopeToTry + "." + firstComponent, visibleFilePaths);
            if (found is null)
            {
                continue;
            }

            if (firstDot >= 0)
            {
                // Every symbol kind in the table can contain names, so the rest must be found inside it.
                var fullName = scopeToTry + "." + name;
                return new TypeResolution(symbols.Find(fullName, visibleFilePaths), fullName);
            }

            if (found.IsType)
            {
                return new TypeResolution(found, found.FullName);
            }
        }
    }
}
