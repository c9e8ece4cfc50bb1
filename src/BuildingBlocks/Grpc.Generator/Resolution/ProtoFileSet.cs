using System;
using System.Collections.Generic;
using System.Linq;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>
/// The project's .proto files plus protoc's well-known ones, with import resolution. AdditionalFiles
/// carry absolute paths while imports are relative to a proto root, so an import matches a file whose
/// path ends with it; among several matches the one whose root contains the importing file wins.
/// </summary>
internal sealed class ProtoFileSet
{
    private readonly IReadOnlyList<ProtoFile> projectFiles;

    public ProtoFileSet(IReadOnlyList<ProtoFile> projectFiles)
    {
        this.projectFiles = projectFiles;
    }

    public IReadOnlyList<ProtoFile> ProjectFiles => projectFiles;

    /// <summary>Every file whose symbols could be visible somewhere: project files and well-known files.</summary>
    public IEnumerable<ProtoFile> AllFiles => projectFiles.Concat(WellKnownProtoFiles.All);

    public ProtoFile? ResolveImport(ProtoFile importer, string importPath)
    {
        var normalizedImport = Normalize(importPath);
        var importerDirectory = DirectoryOf(Normalize(importer.Path));
        ProtoFile? best = null;
        var bestRootLength = -1;
        var bestContainsImporter = false;
        foreach (var candidate in projectFiles)
        {
            var candidatePath = Normalize(candidate.Path);
            if (!IsPathSuffix(candidatePath, normalizedImport))
            {
                continue;
            }

            var root = candidatePath.Substring(0, candidatePath.Length - normalizedImport.Length);
            var containsImporter = importerDirectory.StartsWith(root, StringComparison.Ordinal);
            var isBetter = best is null
                || (containsImporter && !bestContainsImporter)
                || (containsImporter == bestContainsImporter && root.Length > bestRootLength);
            if (isBetter)
            {
                best = candidate;
                bestRootLength = root.Length;
                bestContainsImporter = containsImporter;
            }
        }

        return best ?? WellKnownProtoFiles.Find(normalizedImport);
    }

    /// <summary>The file itself, its direct imports and, transitively, the public imports of those.</summary>
    public IReadOnlyList<ProtoFile> VisibleFiles(ProtoFile file)
    {
        var visible = new List<ProtoFile> { file };
        var seenPaths = new HashSet<string>(StringComparer.Ordinal) { file.Path };
        var pending = new Queue<ProtoFile>();
        foreach (var import in file.Imports)
        {
            var imported = ResolveImport(file, import.ImportedPath);
            if (imported is not null && seenPaths.Add(imported.Path))
            {
                visible.Add(imported);
                pending.Enqueue(imported);
            }
        }

        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            foreach (var import in current.Imports.Where(import => import.IsPublic))
            {
                var imported = ResolveImport(current, import.ImportedPath);
                if (imported is not null && seenPaths.Add(imported.Path))
                {
                    visible.Add(imported);
                    pending.Enqueue(imported);
                }
            }
        }

        return visible;
    }

    public IReadOnlyList<ProtoImport> UnresolvedImports(ProtoFile file) =>
        file.Imports.Where(import => ResolveImport(file, import.ImportedPath) is null).ToList();

    private static bool IsPathSuffix(string path, string suffix) =>
        path == suffix || (path.EndsWith(suffix, StringComparison.Ordinal) && path[path.Length - suffix.Length - 1] == '/');

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string DirectoryOf(string path)
    {
        var lastSeparator = path.LastIndexOf('/');
        return lastSeparator < 0 ? string.Empty : path.Substring(0, lastSeparator + 1);
    }
}
