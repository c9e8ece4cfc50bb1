using CrmPlatform.Grpc.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Unknown_type_is_an_error_at_the_type_reference_and_nothing_is_generated()
    {
        var run = GeneratorHarness.Run(new ProtoSource("crm/v1/a.proto", """
            syntax = "proto3";
            package crm.v1;
            message Known {}
            service S {
              rpc Ok (Known) returns (Known);
              rpc Broken (Known) returns (Missing);
            }
            """));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("rpc 'Broken' refers to 'Missing', which is not defined in this file or the files it imports", diagnostic.GetMessage());
        AssertLocation(diagnostic, "crm/v1/a.proto", line: 5, column: 30);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Unknown_type_names_the_resolved_name_and_the_missing_imports()
    {
        var run = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            package crm.v1;
            import "google/api/annotations.proto";
            message Outer {}
            service S { rpc X (Outer.Missing) returns (Outer); }
            """));

        Assert.Equal(
            "rpc 'X' refers to 'Outer.Missing', which is not defined in this file or the files it imports (it resolves to 'crm.v1.Outer.Missing'); these imports are not among the project's AdditionalFiles: 'google/api/annotations.proto'",
            run.SingleDiagnostic.GetMessage());
    }

    [Fact]
    public void Type_declared_in_a_file_that_is_not_imported_is_reported()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("money.proto", "syntax = \"proto3\"; package crm; message Money {}"),
            new ProtoSource("sales.proto", "syntax = \"proto3\"; package crm; service S { rpc X (Money) returns (Money); }"));

        Assert.All(run.Diagnostics, diagnostic => Assert.Equal("CRMGRPC002", diagnostic.Id));
        Assert.Contains("it is declared in 'money.proto', which is not imported", run.Diagnostics[0].GetMessage());
    }

    [Fact]
    public void Enum_as_request_is_an_error()
    {
        var run = GeneratorHarness.Run(new ProtoSource("a.proto", """
            syntax = "proto3";
            package p;
            enum Color { COLOR_UNSPECIFIED = 0; }
            message M {}
            service S { rpc X (Color) returns (M); }
            """));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC003", diagnostic.Id);
        Assert.Equal("rpc 'X' refers to 'Color', which is an enum, not a message", diagnostic.GetMessage());
        AssertLocation(diagnostic, "a.proto", line: 4, column: 19);
    }

    [Fact]
    public void Syntax_error_is_reported_at_its_line_even_in_files_without_services()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("ok.proto", "syntax = \"proto3\"; package p; import \"broken.proto\"; service S { rpc X (M) returns (M); }"),
            new ProtoSource("broken.proto", "syntax = \"proto3\";\npackage p;\n\nmessage M {\n  string name = 1\n}\n"));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC001", diagnostic.Id);
        Assert.Equal("Expected ';', found '}'.", diagnostic.GetMessage());
        AssertLocation(diagnostic, "broken.proto", line: 5, column: 0);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Duplicate_rpc_names_are_an_error()
    {
        var run = GeneratorHarness.Run(new ProtoSource("a.proto", "syntax = \"proto3\"; message M {}\nservice S {\n  rpc X (M) returns (M);\n  rpc X (M) returns (M);\n}"));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC004", diagnostic.Id);
        Assert.Equal("rpc 'X' is declared more than once in service 'S'.", diagnostic.GetMessage());
        AssertLocation(diagnostic, "a.proto", line: 3, column: 6);
    }

    [Fact]
    public void Services_with_the_same_name_in_one_namespace_are_an_error()
    {
        var run = GeneratorHarness.Run(
            new ProtoSource("a.proto", "syntax = \"proto3\"; package p; message M {} service S { rpc X (M) returns (M); }"),
            new ProtoSource("b.proto", "syntax = \"proto3\"; package q; option csharp_namespace = \"P\"; import \"a.proto\"; service S { rpc X (p.M) returns (p.M); }"));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC004", diagnostic.Id);
        Assert.Equal("Service 'S' is declared more than once in C# namespace 'P' (first in 'a.proto').", diagnostic.GetMessage());
        Assert.Equal(["P.AGrpc.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void Service_named_like_a_message_of_its_namespace_is_an_error()
    {
        var run = GeneratorHarness.Run(new ProtoSource("health.proto", "syntax = \"proto3\"; package p; message Health {} service Health { rpc X (Health) returns (Health); }"));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC005", diagnostic.Id);
        Assert.Equal(
            "Service 'Health' would generate the C# class 'global::P.Health', which protoc already generates for message 'Health' in 'health.proto'",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("rpc GreeterBase (M) returns (M);", "rpc 'GreeterBase' would generate the member 'GreeterBase' in 'GreeterBase', which is the name of the class itself")]
    [InlineData("rpc GreeterClient (stream M) returns (M);", "rpc 'GreeterClient' would generate the member 'GreeterClient' in 'GreeterClient', which is the name of the class itself")]
    [InlineData("rpc CallInvoker (M) returns (stream M);", "rpc 'CallInvoker' would generate the member 'CallInvoker' in 'GreeterClient', which would hide the CallInvoker property the client calls through")]
    [InlineData("rpc Get (M) returns (M); rpc GetAsync (M) returns (stream M);", "rpc 'GetAsync' would generate the member 'GetAsync' in 'GreeterClient', which is also generated for rpc 'Get'")]
    public void Rpc_names_that_clash_with_generated_members_are_an_error(string rpcs, string message)
    {
        var run = GeneratorHarness.Run(new ProtoSource("a.proto", "syntax = \"proto3\"; message M {} service Greeter { " + rpcs + " }"));

        var diagnostic = run.SingleDiagnostic;
        Assert.Equal("CRMGRPC006", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    private static void AssertLocation(Diagnostic diagnostic, string relativePath, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.ProtoRoot + relativePath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
