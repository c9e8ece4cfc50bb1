using Google.Protobuf;
using Microsoft.CodeAnalysis;

namespace CrmPlatform.Grpc.Generator.Tests.Infrastructure;

/// <summary>Metadata references for test compilations: the shared frameworks, Google.Protobuf and the gRPC runtime.</summary>
internal static class TestReferences
{
    public static IReadOnlyList<MetadataReference> All { get; } = Create();

    private static IReadOnlyList<MetadataReference> Create()
    {
        var frameworkDirectories = new HashSet<string>(StringComparer.Ordinal)
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
        };
        var trustedAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trustedAssemblies
            .Where(path => frameworkDirectories.Contains(Path.GetDirectoryName(path)!))
            .Append(typeof(IMessage).Assembly.Location)
            .Append(typeof(Method<,>).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
