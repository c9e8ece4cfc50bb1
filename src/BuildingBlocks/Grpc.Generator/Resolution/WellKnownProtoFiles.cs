using System.Collections.Generic;
using System.Linq;
using CrmPlatform.Grpc.Generator.Model;

namespace CrmPlatform.Grpc.Generator.Resolution;

/// <summary>
/// The .proto files shipped with protoc (<c>google/protobuf/*.proto</c>), whose C# types live in
/// the Google.Protobuf assembly. Used when an import is not among the project's AdditionalFiles.
/// </summary>
internal static class WellKnownProtoFiles
{
    private const string WellKnownTypesNamespace = "Google.Protobuf.WellKnownTypes";

    private static readonly IReadOnlyDictionary<string, ProtoFile> FilesByImportPath = new[]
    {
        Create("any", WellKnownTypesNamespace, Messages("Any")),
        Create("api", WellKnownTypesNamespace, Messages("Api", "Method", "Mixin")),
        Create("duration", WellKnownTypesNamespace, Messages("Duration")),
        Create("empty", WellKnownTypesNamespace, Messages("Empty")),
        Create("field_mask", WellKnownTypesNamespace, Messages("FieldMask")),
        Create("source_context", WellKnownTypesNamespace, Messages("SourceContext")),
        Create("struct", WellKnownTypesNamespace, Messages("Struct", "Value", "ListValue").Concat(Enums("NullValue"))),
        Create("timestamp", WellKnownTypesNamespace, Messages("Timestamp")),
        Create(
            "type",
            WellKnownTypesNamespace,
            Messages("Type", "Field", "Enum", "EnumValue", "Option").Concat(Enums("Field.Kind", "Field.Cardinality", "Syntax"))),
        Create(
            "wrappers",
            WellKnownTypesNamespace,
            Messages("DoubleValue", "FloatValue", "Int64Value", "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue")),
        Create(
            "descriptor",
            "Google.Protobuf.Reflection",
            Messages(
                "FileDescriptorSet",
                "FileDescriptorProto",
                "DescriptorProto",
                "ExtensionRangeOptions",
                "FieldDescriptorProto",
                "OneofDescriptorProto",
                "EnumDescriptorProto",
                "EnumValueDescriptorProto",
                "ServiceDescriptorProto",
                "MethodDescriptorProto",
                "FileOptions",
                "MessageOptions",
                "FieldOptions",
                "OneofOptions",
                "EnumOptions",
                "EnumValueOptions",
                "ServiceOptions",
                "MethodOptions",
                "UninterpretedOption",
                "FeatureSet",
                "FeatureSetDefaults",
                "SourceCodeInfo",
                "GeneratedCodeInfo")),
    }.ToDictionary(file => file.Path);

    /// <summary>Finds a well-known file by its import path, e.g. <c>google/protobuf/empty.proto</c>.</summary>
    public static ProtoFile? Find(string importPath) =>
        FilesByImportPath.TryGetValue(importPath, out var file) ? file : null;

    public static IEnumerable<ProtoFile> All => FilesByImportPath.Values;

    private static ProtoFile Create(string baseName, string csharpNamespace, IEnumerable<ProtoTypeDeclaration> types) =>
        new(
            "google/protobuf/" + baseName + ".proto",
            "google.protobuf",
            csharpNamespace,
            EquatableArray<ProtoImport>.Empty,
            types.ToEquatableArray(),
            EquatableArray<ProtoService>.Empty,
            null);

    private static IEnumerable<ProtoTypeDeclaration> Messages(params string[] names) =>
        names.Select(name => new ProtoTypeDeclaration(name, ProtoTypeKind.Message));

    private static IEnumerable<ProtoTypeDeclaration> Enums(params string[] names) =>
        names.Select(name => new ProtoTypeDeclaration(name, ProtoTypeKind.Enum));
}
