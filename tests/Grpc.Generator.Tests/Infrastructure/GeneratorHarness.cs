using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmPlatform.Grpc.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="GrpcServiceGenerator"/> over in-memory .proto files placed under <see cref="ProtoRoot"/>.</summary>
internal static class GeneratorHarness
{
    public const string ProtoRoot = "/project/Protos/";

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static GeneratorRun Run(params ProtoSource[] protos) => Run(protos, Array.Empty<string>());

    /// <summary>Runs the generator on a compilation that already holds <paramref name="csharpSources"/>.</summary>
    public static GeneratorRun Run(IEnumerable<ProtoSource> protos, IEnumerable<string> csharpSources)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratorTest",
            csharpSources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrpcServiceGenerator().AsSourceGenerator()],
            protos.Select(proto => (AdditionalText)new InMemoryAdditionalText(ProtoRoot + proto.RelativePath, proto.Text)),
            ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }
}

internal sealed class GeneratorRun(GeneratorDriverRunResult result, Compilation output)
{
    public Compilation Output { get; } = output;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = result.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources { get; } =
        result.Results.SelectMany(generator => generator.GeneratedSources).ToDictionary(source => source.HintName, source => source.SourceText.ToString());

    /// <summary>The only generated source; fails when there is not exactly one.</summary>
    public string SingleSource => Assert.Single(Sources).Value;

    public Diagnostic SingleDiagnostic => Assert.Single(Diagnostics);
}
