using CrmPlatform.Grpc.Generator.Tests.Infrastructure;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class TypeResolutionTests
{
    [Fact]
    public void Resolves_package_relative_fully_qualified_and_nested_names()
    {
        var source = GeneratorHarness.Run(new ProtoSource("crm/v1/a.proto", """
            syntax = "proto3";
            package crm.v1;
            message Outer { message Inner { message Deepest {} } }
            service S {
              rpc Relative (Outer) returns (Outer.Inner);
              rpc Qualified (.crm.v1.Outer.Inner.Deepest) returns (v1.Outer);
              rpc PartlyQualified (crm.v1.Outer) returns (Outer.Inner.Deepest);
            }
            """)).SingleSource;

        Assert.Contains("Method<global::Crm.V1.Outer, global::Crm.V1.Outer.Types.Inner> __Method_Relative", source);
        Assert.Contains("Method<global::Crm.V1.Outer.Types.Inner.Types.Deepest, global::Crm.V1.Outer> __Method_Qualified", source);
        Assert.Contains("Method<global::Crm.V1.Outer, global::Crm.V1.Outer.Types.Inner.Types.Deepest> __Method_PartlyQualified", source);
    }

    [Fact]
    public void Resolves_types_from_imported_files_in_their_own_namespace()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("crm/common/v1/money.proto", """
                syntax = "proto3";
                package crm.common.v1;
                option csharp_namespace = "CrmPlatform.Contracts.Common";
                message Money { message Currency {} }
                """),
            new ProtoSource("crm/sales/v1/sales.proto", """
                syntax = "proto3";
                package crm.sales.v1;
                import "crm/common/v1/money.proto";
                service Sales {
                  rpc Convert (common.v1.Money) returns (crm.common.v1.Money.Currency);
                }
                """));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(
            "Method<global::CrmPlatform.Contracts.Common.Money, global::CrmPlatform.Contracts.Common.Money.Types.Currency> __Method_Convert",
            run.SingleSource);
        Assert.Contains("namespace Crm.Sales.V1", run.SingleSource);
    }

    [Fact]
    public void Sees_public_imports_of_imported_files()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("base.proto", "syntax = \"proto3\"; package p; message Base {}"),
            new ProtoSource("reexport.proto", "syntax = \"proto3\"; package p; import public \"base.proto\";"),
            new ProtoSource("service.proto", "syntax = \"proto3\"; package p; import \"reexport.proto\"; service S { rpc X (Base) returns (Base); }"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Method<global::P.Base, global::P.Base> __Method_X", run.SingleSource);
    }

    [Theory]
    [InlineData("empty", "google.protobuf.Empty", "global::Google.Protobuf.WellKnownTypes.Empty")]
    [InlineData("timestamp", "google.protobuf.Timestamp", "global::Google.Protobuf.WellKnownTypes.Timestamp")]
    [InlineData("duration", ".google.protobuf.Duration", "global::Google.Protobuf.WellKnownTypes.Duration")]
    [InlineData("wrappers", "google.protobuf.StringValue", "global::Google.Protobuf.WellKnownTypes.StringValue")]
    [InlineData("struct", "google.protobuf.Struct", "global::Google.Protobuf.WellKnownTypes.Struct")]
    [InlineData("any", "google.protobuf.Any", "global::Google.Protobuf.WellKnownTypes.Any")]
    [InlineData("field_mask", "google.protobuf.FieldMask", "global::Google.Protobuf.WellKnownTypes.FieldMask")]
    [InlineData("descriptor", "google.protobuf.FileDescriptorProto", "global::Google.Protobuf.Reflection.FileDescriptorProto")]
    public void Resolves_well_known_types(string file, string protoName, string csharpName)
    {
        var source = GeneratorHarness.Run(new ProtoSource("a.proto", $$"""
            syntax = "proto3";
            package crm.v1;
            import "google/protobuf/{{file}}.proto";
            service S { rpc X ({{protoName}}) returns ({{protoName}}); }
            """)).SingleSource;

        Assert.Contains($"Method<{csharpName}, {csharpName}> __Method_X", source);
    }

    [Fact]
    public void Imports_outside_the_AdditionalFiles_do_not_matter_when_the_rpc_types_resolve()
    {
        var run = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            package p;
            import "google/api/annotations.proto";
            message M {}
            service S {
              rpc X (M) returns (M) { option (google.api.http) = { get: "/v1/x" }; }
            }
            """));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Method<global::P.M, global::P.M> __Method_X", run.SingleSource);
    }

    [Fact]
    public void Prefers_the_innermost_scope_like_protoc()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("outer.proto", "syntax = \"proto3\"; package crm; message Money {}"),
            new ProtoSource("inner.proto", """
                syntax = "proto3";
                package crm.sales;
                import "outer.proto";
                message Money {}
                service S { rpc Local (Money) returns (crm.Money); }
                """));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Method<global::Crm.Sales.Money, global::Crm.Money> __Method_Local", run.SingleSource);
    }

    [Fact]
    public void Picks_the_import_under_the_importing_files_root_when_paths_are_ambiguous()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("a/common.proto", "syntax = \"proto3\"; package wrong; message M {}"),
            new ProtoSource("b/common.proto", "syntax = \"proto3\"; package right; message M {}"),
            new ProtoSource("b/service.proto", "syntax = \"proto3\"; package right; import \"common.proto\"; service S { rpc X (M) returns (M); }"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Method<global::Right.M, global::Right.M> __Method_X", run.SingleSource);
    }

    [Fact]
    public void Files_without_package_use_the_global_namespace()
    {
        var source = GeneratorHarness.Run(new ProtoSource("plain.proto", "syntax = \"proto3\"; message M {} service Plain { rpc X (M) returns (M); }")).SingleSource;

        Assert.DoesNotContain("namespace", source);
        Assert.Contains("Method<global::M, global::M> __Method_X", source);
        Assert.Contains("Descriptor => global::PlainReflection.Descriptor.Services[0];", source);
    }
}
