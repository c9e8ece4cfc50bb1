using CrmPlatform.Grpc.Generator.Emit;
using CrmPlatform.Grpc.Generator.Model;
using CrmPlatform.Grpc.Generator.Parsing;
using CrmPlatform.Grpc.Generator.Resolution;

namespace CrmPlatform.Grpc.Generator.Tests;

public sealed class ProtoParserTests
{
    [Fact]
    public void Reads_package_namespace_option_imports_types_and_services()
    {
        var file = ProtoParser.Parse("/p/a.proto", """
            syntax = "proto3";
            package crm.customers.v1;
            option csharp_namespace = "Crm." "Customers";
            option java_package = "com.example";
            import "crm/common/v1/common.proto";
            import public "other.proto";
            import weak "weak.proto";

            message Customer {
              message Address { string line = 1; }
              enum Kind { KIND_UNSPECIFIED = 0; KIND_PERSON = 1; }
              string id = 1;
              map<string, Address> addresses = 2;
              oneof contact { string email = 3; string phone = 4; }
              reserved 10 to 12, 15;
              reserved "old_name";
            }

            enum Status { option allow_alias = true; STATUS_UNSPECIFIED = 0; STATUS_ACTIVE = 1 [deprecated = true]; STATUS_ENABLED = 1; }

            service Customers {
              rpc Get (GetRequest) returns (Customer);
              rpc Watch (stream .crm.customers.v1.GetRequest) returns (stream Customer.Address) {}
            }
            """);

        Assert.Null(file.SyntaxError);
        Assert.Equal("crm.customers.v1", file.Package);
        Assert.Equal("Crm.Customers", file.CSharpNamespace);
        Assert.Equal(["crm/common/v1/common.proto", "other.proto", "weak.proto"], file.Imports.Select(import => import.ImportedPath));
        Assert.Equal([false, true, false], file.Imports.Select(import => import.IsPublic));
        Assert.Equal(
            ["Customer", "Customer.Address", "Customer.Kind", "Status"],
            file.Types.Select(type => type.NestedName));
        Assert.Equal(
            [ProtoTypeKind.Message, ProtoTypeKind.Message, ProtoTypeKind.Enum, ProtoTypeKind.Enum],
            file.Types.Select(type => type.Kind));

        var service = Assert.Single(file.Services);
        Assert.Equal("Customers", service.Name);
        Assert.Collection(
            service.Methods,
            get =>
            {
                Assert.Equal("Get", get.Name);
                Assert.Equal("GetRequest", get.Request.Name);
                Assert.False(get.ClientStreaming);
                Assert.Equal("Customer", get.Response.Name);
                Assert.False(get.ServerStreaming);
            },
            watch =>
            {
                Assert.Equal(".crm.customers.v1.GetRequest", watch.Request.Name);
                Assert.True(watch.ClientStreaming);
                Assert.Equal("Customer.Address", watch.Response.Name);
                Assert.True(watch.ServerStreaming);
            });
    }

    [Fact]
    public void Ignores_comments_strings_and_aggregate_option_values()
    {
        var file = ProtoParser.Parse("/p/a.proto", """
            // service NotAService { rpc X (A) returns (B); }
            /* service AlsoNot {
               rpc Y (A) returns (B);
            } */
            syntax = "proto3";
            package p;
            import "google/api/annotations.proto";
            option (my.file_option) = { name: "service Fake { }" nested { values: [1, 2] } };

            message A { string text = 1 [(validate.rules).string = { min_len: 1, pattern: "}{" }, json_name = "t"]; }
            message B {}

            service Real {
              option (my.service_option).tags = "a;b";
              rpc X (A) returns (B) {
                option (google.api.http) = { post: "/v1/x" body: "*" };
                option idempotency_level = NO_SIDE_EFFECTS;
              }
              rpc Y (A) returns (B) { };
            }
            """);

        Assert.Null(file.SyntaxError);
        var service = Assert.Single(file.Services);
        Assert.Equal("Real", service.Name);
        Assert.Equal(["X", "Y"], service.Methods.Select(method => method.Name));
    }

    [Fact]
    public void Reads_proto2_groups_extensions_and_editions()
    {
        var proto2 = ProtoParser.Parse("/p/a.proto", """
            syntax = "proto2";
            package p;
            message Search {
              extensions 100 to max;
              optional group Result = 1 {
                required string url = 2;
                repeated group Snippet = 3 { optional string text = 4; }
              }
              optional int32 count = 5 [default = -1];
              optional double ratio = 6 [default = inf];
            }
            extend Search { optional string tag = 100; }
            """);
        var edition = ProtoParser.Parse("/p/b.proto", """
            edition = "2024";
            package p;
            option features.field_presence = IMPLICIT;
            export message M { string s = 1 [features.field_presence = EXPLICIT]; local enum E { E_UNSPECIFIED = 0; } }
            """);

        Assert.Null(proto2.SyntaxError);
        Assert.Equal(["Search", "Search.Result", "Search.Result.Snippet"], proto2.Types.Select(type => type.NestedName));
        Assert.Null(edition.SyntaxError);
        Assert.Equal(["M", "M.E"], edition.Types.Select(type => type.NestedName));
    }

    [Fact]
    public void Attaches_the_comment_directly_above_a_service_or_rpc()
    {
        var file = ProtoParser.Parse("/p/a.proto", """
            syntax = "proto3";

            // Detached: separated by a blank line.

            // Manages <customers> & their contacts.
            // Second line.
            service Customers {
              rpc A (M) returns (M); // trailing comment of A

              /**
               * Block comment
               * on two lines.
               */
              rpc B (M) returns (M);
              rpc C (M) returns (M);
            }
            message M {}
            """);

        var service = Assert.Single(file.Services);
        Assert.Equal("Manages <customers> & their contacts.\nSecond line.", service.Comment);
        Assert.Null(service.Methods[0].Comment);
        Assert.Equal("Block comment\non two lines.", service.Methods[1].Comment);
        Assert.Null(service.Methods[2].Comment);
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nservice S {\n  rpc A (M) returns M;\n}\n", 2, 20, "Expected '(', found 'M'.")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  string s = 1\n}\n", 3, 0, "Expected ';', found '}'.")]
    [InlineData("syntax = \"proto4\";\n", 0, 9, "Unrecognized syntax \"proto4\": only \"proto2\" and \"proto3\" exist.")]
    [InlineData("message M {\n  string s = 1;\n", 2, 0, "Expected '}', found end of file.")]
    [InlineData("package p;\n/* never closed\nmessage M {}\n", 1, 0, "Block comment is never closed: '*/' expected.")]
    [InlineData("option csharp_namespace = \"A\n;", 0, 26, "String literal is never closed: strings cannot span lines.")]
    [InlineData("package p;\npackage q;\n", 1, 0, "Multiple package definitions.")]
    [InlineData("service S { rpc A (M) returns (M) { rpc B (M) returns (M); } }", 0, 36, "Expected 'option' or '}', found 'rpc'.")]
    [InlineData("message M { int32 x = one; }", 0, 22, "Expected a field number, found 'one'.")]
    [InlineData("option (a.b = 1;", 0, 12, "Expected ')', found '='.")]
    [InlineData("message M { string s = 1; } é", 0, 28, "Invalid character U+00E9 in .proto source.")]
    public void Reports_the_first_syntax_error_with_its_position(string text, int line, int column, string message)
    {
        var file = ProtoParser.Parse("/p/a.proto", text);

        Assert.NotNull(file.SyntaxError);
        Assert.Equal(message, file.SyntaxError.Message);
        Assert.Equal((line, column), (file.SyntaxError.Span.StartLine, file.SyntaxError.Span.StartColumn));
    }

    [Fact]
    public void Damaged_files_only_ever_produce_diagnostics()
    {
        const string Sample = """
            syntax = "proto3";
            package crm.v1; // trailing
            import public "a/b.proto";
            option csharp_namespace = "Crm.V1\x41";
            /* block */ message M { map<string, M> m = 1 [(x).y = { z: [1, 2] }]; oneof o { int32 i = 2; } enum E { E_A = 0; } reserved 3 to max; }
            service S { option (s) = -1.5e3; rpc A (stream .crm.v1.M) returns (stream M) { option (h) = { post: "/a" }; } }
            """;
        var random = new Random(20261122);
        const string Noise = "{}[]()<>=;,.\"'/*-+ \n\\azAZ09_é";
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var text = Sample.ToCharArray().ToList();
            for (var edit = random.Next(1, 4); edit > 0 && text.Count > 0; edit--)
            {
                var position = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text.RemoveAt(position);
                        break;
                    case 1:
                        text.Insert(position, Noise[random.Next(Noise.Length)]);
                        break;
                    default:
                        text.RemoveRange(position, text.Count - position);
                        break;
                }
            }

            var file = ProtoParser.Parse("/p/a.proto", new string([.. text]));

            if (file.SyntaxError is { } error)
            {
                Assert.InRange(error.Span.Start, 0, text.Count);
            }

            foreach (var model in GeneratedFileBuilder.Build([file], CancellationToken.None))
            {
                Assert.NotNull(ServiceEmitter.Emit(model));
            }
        }
    }

    [Fact]
    public void Decodes_string_escapes()
    {
        var file = ProtoParser.Parse("/p/a.proto", """option csharp_namespace = "A\x42\103\u0044.E";""");

        Assert.Null(file.SyntaxError);
        Assert.Equal("ABCD.E", file.CSharpNamespace);
    }

    [Fact]
    public void Parsed_files_compare_by_value_so_the_pipeline_can_cache_them()
    {
        const string Text = "syntax = \"proto3\"; package p; message M {} service S { rpc A (M) returns (M); }";

        Assert.Equal(ProtoParser.Parse("/p/a.proto", Text), ProtoParser.Parse("/p/a.proto", Text));
        Assert.NotEqual(ProtoParser.Parse("/p/a.proto", Text), ProtoParser.Parse("/p/a.proto", Text.Replace("rpc A", "rpc B")));
    }
}
