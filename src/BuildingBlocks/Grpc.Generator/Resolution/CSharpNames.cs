using System.Text;
using CrmPlatform.Grpc.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>The C# names protoc's C# generator gives to a file's namespace, reflection class and messages.</summary>
internal static class CSharpNames
{
    /// <summary><c>option csharp_namespace</c>, else the package in PascalCase (<c>crm.customers.v1</c> → <c>Crm.Customers.V1</c>).</summary>
    public static string FileNamespace(ProtoFile file) =>
        file.CSharpNamespace ?? UnderscoresToPascalCase(file.Package, preservePeriods: true);

    /// <summary>The file name without <c>.proto</c> in PascalCase plus <c>Reflection</c> (<c>test_service.proto</c> → <c>TestServiceReflection</c>).</summary>
    public static string ReflectionClassName(ProtoFile file) =>
        UnderscoresToPascalCase(StripProtoExtension(file.FileName), preservePeriods: false) + "Reflection";

    /// <summary>A fully qualified C# type name for a type declared in <paramref name="file"/>; nested types live in <c>Types</c>.</summary>
    public static string TypeName(ProtoFile file, string nestedName) =>
        QualifiedName(FileNamespace(file), nestedName.Replace(".", ".Types."));

    public static string QualifiedName(string @namespace, string typeName) =>
        "global::" + (@namespace.Length == 0 ? string.Empty : @namespace + ".") + typeName;

    /// <summary>The nested server base class of a service, as grpc-dotnet names it (<c>GreeterBase</c>).</summary>
    public static string ServerBaseClassName(string serviceName) => serviceName + "Base";

    /// <summary>The nested client class of a service, as grpc-dotnet names it (<c>GreeterClient</c>).</summary>
    public static string ClientClassName(string serviceName) => serviceName + "Client";

    /// <summary>Unary client methods get the <c>Async</c> suffix, streaming ones keep the rpc name, as in grpc-dotnet.</summary>
    public static string ClientMethodName(string rpcName, bool isUnary) => isUnary ? rpcName + "Async" : rpcName;

    /// <summary>Prefixes C# keywords with <c>@</c> so proto names can be used as identifiers.</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// protoc's <c>UnderscoresToCamelCase(input, cap_next_letter: true, preserve_period)</c>: letters after
    /// an underscore, digit or other separator become upper case, separators are dropped.
    /// </summary>
    public static string UnderscoresToPascalCase(string input, bool preservePeriods)
    {
        var result = new StringBuilder(input.Length);
        var capitalizeNext = true;
        foreach (var character in input)
        {
            if (character >= 'a' && character <= 'z')
            {
                result.Append(capitalizeNext ? (char)(character - 'a' + 'A') : character);
                capitalizeNext = false;
            }
            else if (character >= 'A' && character <= 'Z')
            {
                result.Append(character);
                capitalizeNext = false;
            }
            else if (character >= '0' && character <= '9')
            {
                result.Append(character);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (character == '.' && preservePeriods)
                {
                    result.Append('.');
                }
            }
        }

        return result.ToString();
    }

    private static string StripProtoExtension(string fileName)
    {
        foreach (var extension in new[] { ".protodevel", ".proto" })
        {
            if (fileName.EndsWith(extension, System.StringComparison.Ordinal))
            {
                return fileName.Substring(0, fileName.Length - extension.Length);
            }
        }

        return fileName;
    }
}
