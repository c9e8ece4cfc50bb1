using System;
using System.Linq;
using CrmPlatform.Grpc.Generator.Emit;
using CrmPlatform.Grpc.Generator.Model;
using CrmPlatform.Grpc.Generator.Parsing;
using CrmPlatform.Grpc.Generator.Resolution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CrmPlatform.Grpc.Generator;

/// <summary>
/// Generates gRPC server base classes and clients for the CrmPlatform.Grpc runtime from the
/// <c>service</c> blocks of the .proto files given as AdditionalFiles. Message classes come from protoc.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrpcServiceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var protoFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) =>
                ProtoParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty));

        var generatedFiles = protoFiles
            .Collect()
            .SelectMany(static (files, cancellationToken) => GeneratedFileBuilder.Build(files, cancellationToken));

        context.RegisterSourceOutput(generatedFiles, static (output, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (file.Services.Count > 0)
            {
                output.AddSource(file.HintName, SourceText.From(ServiceEmitter.Emit(file), System.Text.Encoding.UTF8));
            }
        });
    }
}
