using CrmPlatform.Grpc.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class IncrementalityTests
{
    private const string ServicePath = GeneratorHarness.ProtoRoot + "service.proto";
    private const string Service = "syntax = \"proto3\"; package p; import \"messages.proto\"; service S { rpc X (M) returns (M); }";

    [Fact]
    public void Output_is_cached_when_an_imported_file_changes_without_affecting_the_service()
    {
        var messages = new InMemoryAdditionalText(GeneratorHarness.ProtoRoot + "messages.proto", "syntax = \"proto3\";\npackage p;\nmessage M { string a = 1; }");
        var driver = CreateDriver(new InMemoryAdditionalText(ServicePath, Service), messages);
        var compilation = CSharpCompilation.Create("Incremental", references: TestReferences.All);
        driver = driver.RunGenerators(compilation);

        var edited = new InMemoryAdditionalText(messages.Path, "syntax = \"proto3\";\npackage p;\n// A comment.\nmessage M { string a = 1; int32 b = 2; }\nmessage Added {}");
        driver = driver.ReplaceAdditionalText(messages, edited).RunGenerators(compilation);

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Output_changes_when_a_service_changes()
    {
        var service = new InMemoryAdditionalText(ServicePath, Service);
        var driver = CreateDriver(service, new InMemoryAdditionalText(GeneratorHarness.ProtoRoot + "messages.proto", "syntax = \"proto3\"; package p; message M {}"));
        var compilation = CSharpCompilation.Create("Incremental", references: TestReferences.All);
        driver = driver.RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(service, new InMemoryAdditionalText(ServicePath, Service.Replace("rpc X", "rpc Y"))).RunGenerators(compilation);

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs);
        Assert.Contains(outputs, output => output.Reason == IncrementalStepRunReason.Modified);
    }

    private static GeneratorDriver CreateDriver(params AdditionalText[] protos) =>
        CSharpGeneratorDriver.Create(
            [new GrpcServiceGenerator().AsSourceGenerator()],
            protos,
            GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
